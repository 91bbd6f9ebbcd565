namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class SimulatedDeviceIdTests
{
    [Fact]
    public void Gives_the_same_machine_the_same_id()
    {
        Assert.Equal(SimulatedDeviceId.For("classroom-pc-7"), SimulatedDeviceId.For("classroom-pc-7"));
    }

    [Fact]
    public void Is_sim_followed_by_six_lowercase_hex_digits()
    {
        Assert.Matches("^sim-[0-9a-f]{6}$", SimulatedDeviceId.For("classroom-pc-7"));
    }

    [Fact]
    public void Gives_different_machines_different_ids()
    {
        string[] ids = Enumerable.Range(1, 30).Select(number => SimulatedDeviceId.For($"classroom-pc-{number}")).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
