namespace Esp32Client.Tests.Discovery;

/// <summary>
/// Multicast DNS answers as real responders sent them, captured off the wire. Each answers the query of
/// BrokerQuery.Build() (sent from an ephemeral port of a second network namespace joined by a veth pair), so they are
/// unicast replies with the question repeated (RFC 6762 section 6.7) and compression pointers throughout.
/// </summary>
public static class CapturedAnswers
{
    /// <summary>
    /// python3-zeroconf 0.47.3 (Debian) advertising a "robot vacuum": instance "Robot Vacuum", host vacuum.local at
    /// 192.0.2.1, port 1883, TXT vendor=acme model=v2; answer PTR, additional SRV, TXT, A and NSEC.
    /// </summary>
    public static readonly byte[] RobotVacuum = Convert.FromHexString(
        "000084000001000100000004055f6d717474045f746370056c6f63616c00000c0001c00c000c000100001194000f0c526f626f7420"
        + "56616375756dc00cc02e0021000100000078000f00000000075b0676616375756dc017c02e001000010000119400150b76656e646f72"
        + "3d61636d65086d6f64656c3d7632c04f00010001000000780004c0000201c04f002f000100001194000ac04f0000000400000008");

    /// <summary>
    /// python3-zeroconf 0.47.3 advertising two instances in one answer: "Robot Vacuum" (port 1883, TXT vendor=acme)
    /// and "esp32mqtt on CLASSROOM-PC" on host classroom-pc.local at 192.0.2.1, port 1884, TXT product=esp32mqtt
    /// version=1.2.0 users=required.
    /// </summary>
    public static readonly byte[] VacuumAndClassroom = Convert.FromHexString(
        "000084000001000200000008055f6d717474045f746370056c6f63616c00000c0001c00c000c000100001194000f0c526f626f7420"
        + "56616375756dc00cc00c000c000100001194001c1965737033326d717474206f6e20434c415353524f4f4d2d5043c00c0676616375"
        + "756dc01700010001000000780004c0000201c02e0010000100001194000c0b76656e646f723d61636d65c065002f00010000119400"
        + "0ac0650000000400000008c02e0021000100000078000800000000075bc0650c636c617373726f6f6d2d7063c01700010001000000"
        + "780004c0000201c0490010000100001194002f1170726f647563743d65737033326d7174740d76657273696f6e3d312e322e300e75"
        + "736572733d7265717569726564c0be002f000100001194000ac0be0000000400000008c0490021000100000078000800000000075c"
        + "c0be");

    /// <summary>
    /// Our own broker (Broker/Discovery) on host "vm", port 34233, answering the same query: the question and id
    /// repeated, times to live of 10 s, no compression; PTR answer, additional SRV, TXT (txtvers=1, product=esp32mqtt,
    /// version=1.0.0, users=optional) and A 192.0.2.1.
    /// </summary>
    public static readonly byte[] OurBroker = Convert.FromHexString(
        "000084000001000100000003055f6d717474045f746370056c6f63616c00000c0001055f6d717474045f746370056c6f63616c00000c"
        + "00010000000a002d1a65737033326d717474206f6e20766d20706f7274203334323333055f6d717474045f746370056c6f63616c001a"
        + "65737033326d717474206f6e20766d20706f7274203334323333055f6d717474045f746370056c6f63616c00002100010000000a0020"
        + "0000000085b91265737033326d7174742d766d2d3334323333056c6f63616c001a65737033326d717474206f6e20766d20706f727420"
        + "3334323333055f6d717474045f746370056c6f63616c00001000010000000a003909747874766572733d311170726f647563743d6573"
        + "7033326d7174740d76657273696f6e3d312e302e300e75736572733d6f7074696f6e616c1265737033326d7174742d766d2d33343233"
        + "33056c6f63616c00000100010000000a0004c0000201");
}
