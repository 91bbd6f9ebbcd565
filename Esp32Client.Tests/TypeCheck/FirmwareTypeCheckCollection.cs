namespace Esp32Client.Tests.TypeCheck;

/// <summary>The test classes that share one <see cref="FirmwareTypeCheckFixture"/>, so each firmware copy is built once.</summary>
[CollectionDefinition(Name)]
public sealed class FirmwareTypeCheckCollection : ICollectionFixture<FirmwareTypeCheckFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Firmware type-check";
}
