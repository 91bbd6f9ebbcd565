namespace Esp32Mqtt.Broker.Dashboard.Access;

/// <summary>What a page learns when it opens: whether it must log in, who is logged in, and its token for publishing.</summary>
/// <param name="LoginRequired">Whether the dashboard needs a login (the broker refuses anonymous clients).</param>
/// <param name="UserName">The user logged in, or null.</param>
/// <param name="AntiforgeryToken">Sent back with every POST, so another web site cannot post in the user's name.</param>
public sealed record SessionView(bool LoginRequired, string? UserName, string AntiforgeryToken);
