namespace Esp32Client.Tests.Fakes;

/// <summary>One publish the firmware made.</summary>
public sealed record PublishedMessage(string Topic, string Payload, bool Retain);
