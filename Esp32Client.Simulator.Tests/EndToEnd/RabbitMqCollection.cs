namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// The test classes that use the shared RabbitMQ node: they run one after another, since one of them restarts it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "RabbitMQ";
}
