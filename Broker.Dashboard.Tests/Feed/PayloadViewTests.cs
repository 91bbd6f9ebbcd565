using System.Buffers;
using System.Text;
using Esp32Mqtt.Broker.Dashboard.Feed;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Feed;

public sealed class PayloadViewTests
{
    [Theory]
    [InlineData("on")]
    [InlineData("")]
    [InlineData("{\"uptime_s\":12}")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("two\nlines")]
    public void Passes_text_on_as_it_is(string text)
    {
        // Act
        PayloadView view = PayloadView.Of(Payload(Encoding.UTF8.GetBytes(text)));

        // Assert
        Assert.Equal(new PayloadView(text, Encoding.UTF8.GetByteCount(text), Cut: false), view);
    }

    [Fact]
    public void Cuts_long_text_and_keeps_its_full_size()
    {
        // Arrange
        string text = new('a', 10_000);

        // Act
        PayloadView view = PayloadView.Of(Payload(Encoding.UTF8.GetBytes(text)));

        // Assert
        Assert.Equal(PayloadView.LongestTextShown, view.Text!.Length);
        Assert.True(view.Cut);
        Assert.Equal(10_000, view.Bytes);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x02, 0x03 })]
    public void Gives_no_text_for_binary_data(byte[] bytes)
    {
        // Act
        PayloadView view = PayloadView.Of(Payload(bytes));

        // Assert
        Assert.Equal(new PayloadView(null, 3, Cut: false), view);
    }

    private static ReadOnlySequence<byte> Payload(byte[] bytes)
    {
        return new ReadOnlySequence<byte>(bytes);
    }
}
