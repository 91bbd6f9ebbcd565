using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// A subscriber that arrives while a retained message is being published must get it, as retained or live. MQTTnet
/// alone takes a SUBSCRIBE's retained messages before it makes the subscription routable, so a retained publish in
/// between reaches the subscriber neither way (see RetainedRoutingGate).
/// </summary>
public sealed class RetainedSubscribeRaceTests
{
    private const string StatusTopic = "esp32/esp32-a1/status";
    private static readonly TimeSpan s_window = TimeSpan.FromMilliseconds(500);

    [Theory]
    [InlineData(MqttQualityOfServiceLevel.AtMostOnce)]
    [InlineData(MqttQualityOfServiceLevel.AtLeastOnce)]
    public async Task Gives_a_subscriber_the_retained_message_published_while_it_subscribes(MqttQualityOfServiceLevel qualityOfService)
    {
        // Arrange: hold the phone's SUBSCRIBE between taking the retained messages and making its subscription
        // routable (where MQTTnet runs the subscription interceptor) until the board's message has changed the retained
        // messages, or for half a second. (A QoS 0 publish is routed without MQTTnet's receive loop, PublishInjector.)
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        MqttServer server = broker.Services.GetRequiredService<BrokerServer>().Server;
        TaskCompletionSource subscribing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource published = new(TaskCreationOptions.RunContinuationsAsynchronously);
        server.InterceptingSubscriptionAsync += async eventArgs =>
        {
            if (eventArgs.ClientId == "phone")
            {
                subscribing.TrySetResult();
                await Task.WhenAny(published.Task, Task.Delay(s_window));
            }
        };
        server.RetainedMessageChangedAsync += _ =>
        {
            published.TrySetResult();
            return Task.CompletedTask;
        };
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");

        // Act: the board announces itself while the phone's SUBSCRIBE is in progress.
        Task subscribe = phone.SubscribeAsync(StatusTopic);
        await subscribing.Task.WaitAsync(TestTimeouts.Short);
        await board.PublishAsync(StatusTopic, "online", qualityOfService, retain: true);
        await subscribe;

        // Assert
        ReceivedMessage received = await phone.WaitForMessageAsync();
        Assert.Equal(StatusTopic, received.Topic);
        Assert.Equal("online", received.Payload);
    }
}
