namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class SimulatedDeviceIdTests
{
    [Fact]
    public void Gives_the_same_machine_the_same_id()
    {
        // Act
        string first = SimulatedDeviceId.For("classroom-pc-7");
        string second = SimulatedDeviceId.For("classroom-pc-7");

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Is_sim_followed_by_six_lowercase_hex_digits()
    {
        // Act
        string id = SimulatedDeviceId.For("classroom-pc-7");

        // Assert
        Assert.Matches("^sim-[0-9a-f]{6}$", id);
    }

    [Fact]
    public void Gives_different_machines_different_ids()
    {
        // Act
        string[] ids = Enumerable.Range(1, 30).Select(number => SimulatedDeviceId.For($"classroom-pc-{number}")).ToArray();

        // Assert
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
