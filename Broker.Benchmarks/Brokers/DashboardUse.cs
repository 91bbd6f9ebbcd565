namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>How our broker's web dashboard is used during a run.</summary>
internal enum DashboardUse
{
    /// <summary>Switched off (<c>--dashboard false</c>): the baseline the dashboard's cost is measured against.</summary>
    Off,

    /// <summary>On, as a learner's broker starts, with no page open: it should cost nothing per message.</summary>
    NoPage,

    /// <summary>On, with one page's feed open for the whole run, read as a browser tab reads it.</summary>
    OnePage,
}
