using Esp32Client.Core;

namespace Esp32Client.Tests.Discovery;

public sealed class DnsWriterTests
{
    [Fact]
    public void Writes_an_instance_label_with_its_dots_as_one_label()
    {
        // Arrange
        var writer = new DnsWriter();

        // Act
        writer.WriteLabel("Room 1.2");
        writer.WriteName("local");

        // Assert
        Assert.Equal(Convert.FromHexString("08" + Convert.ToHexString("Room 1.2"u8) + "056c6f63616c00"), writer.ToArray());
    }

    [Fact]
    public void Fills_in_the_data_length_of_a_record()
    {
        // Arrange
        var writer = new DnsWriter();
        writer.WriteName("pc.local");

        // Act
        int mark = writer.BeginRecord(DnsRecordType.A, DnsClass.Internet, 120);
        writer.WriteBytes([192, 0, 2, 1]);
        writer.EndRecord(mark);

        // Assert
        Assert.Equal(Convert.FromHexString("027063056c6f63616c00" + "0001" + "0001" + "00000078" + "0004" + "c0000201"), writer.ToArray());
    }

    [Fact]
    public void Grows_past_its_first_buffer()
    {
        // Arrange
        var writer = new DnsWriter();
        byte[] block = Enumerable.Range(0, 300).Select(value => (byte)value).ToArray();

        // Act
        writer.WriteBytes(block);
        writer.WriteBytes(block);

        // Assert
        Assert.Equal(block.Concat(block).ToArray(), writer.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-label-of-sixty-four-bytes-is-one-byte-more-than-dns-allows-xyz")]
    public void Refuses_a_label_that_dns_cannot_carry(string label)
    {
        // Arrange
        var writer = new DnsWriter();

        // Act
        ArgumentException error = Assert.Throws<ArgumentException>(() => writer.WriteLabel(label));

        // Assert
        Assert.Contains("1 to 63 bytes", error.Message);
    }
}
