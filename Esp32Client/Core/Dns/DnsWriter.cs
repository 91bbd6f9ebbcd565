using System;
using System.Text;

namespace Esp32Client.Core
{
    /// <summary>
    /// Writes a DNS message (RFC 1035 section 4) front to back into a buffer that grows as needed. Names are written
    /// whole, without compression: multicast DNS messages of one service stay far below a datagram's size.
    /// </summary>
    public sealed class DnsWriter
    {
        // RFC 1035 section 2.3.4.
        private const int MaximumLabelLength = 63;
        private const int InitialCapacity = 256;

        private byte[] _buffer = new byte[InitialCapacity];

        /// <summary>How many bytes have been written.</summary>
        public int Length { get; private set; }

        /// <summary>Writes the 12-byte header.</summary>
        public void WriteHeader(ushort id, ushort flags, int questions, int answers, int authorities, int additionals)
        {
            WriteUInt16(id);
            WriteUInt16(flags);
            WriteUInt16((ushort)questions);
            WriteUInt16((ushort)answers);
            WriteUInt16((ushort)authorities);
            WriteUInt16((ushort)additionals);
        }

        /// <summary>Writes a question: a name, a type and a class (with the unicast-response bit when wanted).</summary>
        public void WriteQuestion(string name, ushort type, ushort questionClass)
        {
            WriteName(name);
            WriteUInt16(type);
            WriteUInt16(questionClass);
        }

        /// <summary>
        /// Writes a record's type, class, time to live and a placeholder for its data length, after its name (written
        /// with <see cref="WriteName"/>, or <see cref="WriteLabel"/> then <see cref="WriteName"/>). Returns the mark
        /// that <see cref="EndRecord"/> takes once the data is written.
        /// </summary>
        public int BeginRecord(ushort type, ushort recordClass, uint timeToLive)
        {
            WriteUInt16(type);
            WriteUInt16(recordClass);
            WriteUInt16((ushort)(timeToLive >> 16));
            WriteUInt16((ushort)(timeToLive & 0xFFFF));
            int mark = Length;
            WriteUInt16(0);
            return mark;
        }

        /// <summary>Fills in the data length of the record begun at <paramref name="mark"/>.</summary>
        public void EndRecord(int mark)
        {
            int dataLength = Length - mark - 2;
            _buffer[mark] = (byte)(dataLength >> 8);
            _buffer[mark + 1] = (byte)dataLength;
        }

        /// <summary>Writes one label as it is, dots included (an instance name may hold dots, RFC 6763 section 4.3).</summary>
        public void WriteLabel(string label)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(label);
            if (bytes.Length == 0 || bytes.Length > MaximumLabelLength)
            {
                throw new ArgumentException("A DNS label takes 1 to 63 bytes: \"" + label + "\".");
            }

            WriteByte((byte)bytes.Length);
            WriteBytes(bytes);
        }

        /// <summary>Writes a dotted name label by label, and the zero byte that ends it.</summary>
        public void WriteName(string name)
        {
            int start = 0;
            while (start < name.Length)
            {
                int dot = name.IndexOf('.', start);
                int stop = dot < 0 ? name.Length : dot;
                WriteLabel(name.Substring(start, stop - start));
                start = stop + 1;
            }

            WriteByte(0);
        }

        /// <summary>Writes one TXT string (a length byte, then up to 255 bytes; RFC 6763 section 6.1).</summary>
        public void WriteCharacterString(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > byte.MaxValue)
            {
                throw new ArgumentException("A TXT string takes at most 255 bytes: \"" + text + "\".");
            }

            WriteByte((byte)bytes.Length);
            WriteBytes(bytes);
        }

        /// <summary>Writes a 16-bit number, most significant byte first.</summary>
        public void WriteUInt16(ushort value)
        {
            WriteByte((byte)(value >> 8));
            WriteByte((byte)value);
        }

        /// <summary>Writes raw bytes.</summary>
        public void WriteBytes(byte[] bytes)
        {
            Reserve(bytes.Length);
            Array.Copy(bytes, 0, _buffer, Length, bytes.Length);
            Length += bytes.Length;
        }

        /// <summary>The message written so far, as a new array of exactly <see cref="Length"/> bytes.</summary>
        public byte[] ToArray()
        {
            byte[] message = new byte[Length];
            Array.Copy(_buffer, 0, message, 0, Length);
            return message;
        }

        private void WriteByte(byte value)
        {
            Reserve(1);
            _buffer[Length] = value;
            Length++;
        }

        private void Reserve(int count)
        {
            if (Length + count <= _buffer.Length)
            {
                return;
            }

            int capacity = _buffer.Length * 2;
            while (capacity < Length + count)
            {
                capacity *= 2;
            }

            byte[] larger = new byte[capacity];
            Array.Copy(_buffer, 0, larger, 0, Length);
            _buffer = larger;
        }
    }
}
