using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>Calls back whenever the logging settings reload (appsettings.json saved while the broker runs).</summary>
public sealed class LogLevelWatch : IDisposable
{
    private readonly IDisposable? _registration;

    /// <summary>Calls <paramref name="changed"/> after each reload of <paramref name="filterOptions"/>.</summary>
    public LogLevelWatch(IOptionsMonitor<LoggerFilterOptions> filterOptions, Action changed)
    {
        _registration = filterOptions.OnChange(_ => changed());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _registration?.Dispose();
    }
}
