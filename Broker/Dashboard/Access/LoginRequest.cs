namespace Esp32Mqtt.Broker.Dashboard.Access;

/// <summary>What the login form sends.</summary>
/// <param name="UserName">One of the broker's users (Broker:Users).</param>
/// <param name="Password">That user's password.</param>
public sealed record LoginRequest(string? UserName, string? Password);
