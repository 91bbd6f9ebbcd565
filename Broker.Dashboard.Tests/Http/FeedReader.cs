using System.Net.ServerSentEvents;
using System.Text.Json;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Http;

/// <summary>Reads a page's feed event by event, with .NET's own server-sent-events parser.</summary>
public sealed class FeedReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    /// <summary>Reads the events of <paramref name="response"/>.</summary>
    public FeedReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _stream = stream;
        _events = SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
    }

    /// <summary>Reads on until an event of type <paramref name="eventType"/> whose data satisfies <paramref name="accept"/>.</summary>
    public async Task<T> WaitForAsync<T>(string eventType, Func<T, bool>? accept = null, TimeSpan? timeout = null)
    {
        using CancellationTokenSource deadline = new(timeout ?? TestTimeouts.Short);
        Task expired = Task.Delay(Timeout.Infinite, deadline.Token);
        while (true)
        {
            Task<bool> next = _events.MoveNextAsync().AsTask();
            if (await Task.WhenAny(next, expired).ConfigureAwait(false) == expired)
            {
                throw new TimeoutException($"No '{eventType}' event as expected within {(timeout ?? TestTimeouts.Short).TotalSeconds:0.#} s.");
            }

            if (!await next.ConfigureAwait(false))
            {
                throw new InvalidOperationException($"The feed ended before a '{eventType}' event as expected.");
            }

            if (_events.Current.EventType != eventType)
            {
                continue;
            }

            T data = JsonSerializer.Deserialize<T>(_events.Current.Data, DashboardClient.Json)!;
            if (accept is null || accept(data))
            {
                return data;
            }
        }
    }

    /// <summary>Reads every event until the broker ends the feed, and returns their types.</summary>
    public async Task<IReadOnlyList<string>> ReadToEndAsync()
    {
        List<string> types = [];
        using CancellationTokenSource deadline = new(TestTimeouts.Short);
        while (await _events.MoveNextAsync().AsTask().WaitAsync(deadline.Token).ConfigureAwait(false))
        {
            types.Add(_events.Current.EventType);
        }

        return types;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        try
        {
            await _events.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The stream under the parser is closed already.
        }
    }
}
