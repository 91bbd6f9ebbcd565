using System.Collections;
using Esp32Client.Core;
using Esp32Mqtt.TestSupport.Network;

namespace Esp32Client.Simulator.Tests.Discovery;

/// <summary>The board's query and answer reader against a responder nobody here wrote: Debian's python3-zeroconf.</summary>
public sealed class ZeroconfAnswerTests
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task Reads_what_python_zeroconf_answers_to_the_boards_question()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using var advertiser = await PythonZeroconf.AdvertiseAsync(lan.First, "esp32mqtt on PYTHON", 1884, "product=esp32mqtt", "version=9.9.9", "users=required");

        // Act
        IReadOnlyList<byte[]> answers = await PythonZeroconf.AskAsync(lan.Second, BrokerQuery.Build(), s_quiet);

        // Assert
        var found = new ArrayList();
        foreach (byte[] answer in answers)
        {
            Assert.True(BrokerAnswerReader.TryRead(answer, answer.Length, found, out string problem), problem);
        }

        DiscoveredBroker broker = Assert.IsType<DiscoveredBroker>(Assert.Single(found.Cast<object>()));
        Assert.Equal(("esp32mqtt on PYTHON", lan.First.Address, 1884), (broker.Name, broker.Address, broker.Port));
        Assert.True(broker.IsEsp32Mqtt);
        Assert.Equal("9.9.9", broker.Version);
        Assert.True(broker.UsersRequired);
    }
}
