namespace Esp32Client.Simulator.Hosting;

/// <summary>The mosquitto_pub command line that lights this board, printed at start so a learner can copy it.</summary>
public static class PublishHint
{
    /// <summary>
    /// The command for <paramref name="settings"/>' broker, with <c>-u</c> and a placeholder for <c>-P</c> when the board
    /// logs in: the password itself is not printed (the terminal may be on a classroom projector).
    /// </summary>
    public static string For(SimulatorOptions settings)
    {
        string credentials = settings.Username.Length > 0 ? $" -u {settings.Username} -P <password>" : string.Empty;
        if (settings.FindsBroker)
        {
            // The broker's address is not known yet; on its own PC, mosquitto_pub's defaults (localhost, 1883) reach it.
            return $"Try, on the broker's PC: mosquitto_pub{credentials} -t led -m on   (or type 'led on' in the broker's console)";
        }

        return $"Try: mosquitto_pub -h {settings.Broker} -p {settings.Port}{Tls(settings)}{credentials} -t led -m on   (or type 'led on' in the broker's console)";
    }

    /// <summary>mosquitto_pub's TLS switches: the same certificate authority as the board, or the system's (Mosquitto 2.0's --tls-use-os-certs).</summary>
    private static string Tls(SimulatorOptions settings)
    {
        if (!settings.Tls)
        {
            return string.Empty;
        }

        return settings.CaFile.Length > 0 ? $" --cafile \"{settings.CaFile}\"" : " --tls-use-os-certs";
    }
}
