using System.Text;

namespace Esp32Client.Core
{
    /// <summary>
    /// Reads a DNS message (RFC 1035 section 4) front to back: the header, then questions, then records. Every read
    /// checks the message first and returns false, with <see cref="Problem"/> saying why, for anything malformed or
    /// hostile (cut short, a length past the end, a compression pointer that points forward or loops), so that any
    /// datagram from the network can be handed to it. Works on the caller's buffer; only names and values allocate.
    /// </summary>
    public sealed class DnsReader
    {
        private const int HeaderLength = 12;
        private const int QuestionTailLength = 4;
        private const int RecordTailLength = 10;

        // The shortest question or record has a one-byte name (the root); a header announcing more than the message can
        // hold is refused before anything is sized from its counts.
        private const int ShortestQuestionLength = 1 + QuestionTailLength;
        private const int ShortestRecordLength = 1 + RecordTailLength;
        private const int Ipv4Length = 4;
        private const int SrvFixedLength = 6;
        private const ushort ResponseFlag = 0x8000;

        // RFC 1035 section 2.3.4: a name takes at most 255 bytes on the wire, a label at most 63.
        private const int MaximumNameLength = 255;

        // RFC 1035 section 4.1.4: a length byte whose top two bits are set is a pointer; 01 and 10 are not defined.
        private const int LabelKindMask = 0xC0;
        private const int PointerKind = 0xC0;
        private const int PointerHighMask = 0x3F;

        private readonly byte[] _message;
        private readonly int _length;
        private int _offset;

        /// <summary>Reads the first <paramref name="length"/> bytes of <paramref name="message"/>.</summary>
        public DnsReader(byte[] message, int length)
        {
            _message = message;
            _length = length < 0 ? 0 : (length > message.Length ? message.Length : length);
        }

        /// <summary>Why the last read failed, in words for the log; empty while all is well.</summary>
        public string Problem { get; private set; } = string.Empty;

        /// <summary>The message id (zero in multicast DNS, echoed in answers to a one-shot query).</summary>
        public ushort Id { get; private set; }

        /// <summary>The header flags.</summary>
        public ushort Flags { get; private set; }

        /// <summary>True for a response, false for a query.</summary>
        public bool IsResponse
        {
            get { return (Flags & ResponseFlag) != 0; }
        }

        /// <summary>How many questions the header announces.</summary>
        public int QuestionCount { get; private set; }

        /// <summary>How many records the header announces in the answer, authority and additional sections together.</summary>
        public int RecordCount { get; private set; }

        /// <summary>How many of <see cref="RecordCount"/> are answers (the first ones).</summary>
        public int AnswerCount { get; private set; }

        /// <summary>Reads the 12-byte header; call it first.</summary>
        public bool TryReadHeader()
        {
            if (_length < HeaderLength)
            {
                return Fail("the message is shorter than a DNS header");
            }

            Id = ReadUInt16(0);
            Flags = ReadUInt16(2);
            QuestionCount = ReadUInt16(4);
            AnswerCount = ReadUInt16(6);
            RecordCount = AnswerCount + ReadUInt16(8) + ReadUInt16(10);
            _offset = HeaderLength;
            if ((QuestionCount * ShortestQuestionLength) + (RecordCount * ShortestRecordLength) > _length - HeaderLength)
            {
                return Fail("the header announces more questions and records than the message holds");
            }

            return true;
        }

        /// <summary>Reads the next question: its name, type, and class with the unicast-response bit.</summary>
        public bool TryReadQuestion(out string name, out ushort type, out ushort questionClass)
        {
            type = 0;
            questionClass = 0;
            int end;
            if (!TryReadName(_offset, out name, out end))
            {
                return false;
            }

            if (end + QuestionTailLength > _length)
            {
                return Fail("a question is cut off");
            }

            type = ReadUInt16(end);
            questionClass = ReadUInt16(end + 2);
            _offset = end + QuestionTailLength;
            return true;
        }

        /// <summary>Reads the next record into <paramref name="record"/>; its data is read with the methods below.</summary>
        public bool TryReadRecord(DnsRecord record)
        {
            string name;
            int end;
            if (!TryReadName(_offset, out name, out end))
            {
                return false;
            }

            if (end + RecordTailLength > _length)
            {
                return Fail("a record is cut off");
            }

            int dataLength = ReadUInt16(end + 8);
            int dataOffset = end + RecordTailLength;
            if (dataOffset + dataLength > _length)
            {
                return Fail("a record's data runs past the end of the message");
            }

            ushort recordClass = ReadUInt16(end + 2);
            record.Name = name;
            record.Type = ReadUInt16(end);
            record.Class = (ushort)(recordClass & DnsClass.ClassMask);
            record.CacheFlush = (recordClass & DnsClass.TopBit) != 0;
            record.TimeToLive = ((uint)ReadUInt16(end + 4) << 16) | ReadUInt16(end + 6);
            record.DataOffset = dataOffset;
            record.DataLength = dataLength;
            _offset = dataOffset + dataLength;
            return true;
        }

        /// <summary>Reads the name a PTR record points to.</summary>
        public bool TryReadPointer(DnsRecord record, out string target)
        {
            target = string.Empty;
            if (record.DataLength < 1)
            {
                return Fail("a PTR record is empty");
            }

            int end;
            return TryReadName(record.DataOffset, out target, out end) && EndsWithin(end, record, "a PTR record's name runs past its data");
        }

        /// <summary>Reads an SRV record's port and target host (RFC 2782).</summary>
        public bool TryReadService(DnsRecord record, out int port, out string target)
        {
            port = 0;
            target = string.Empty;
            if (record.DataLength < SrvFixedLength + 1)
            {
                return Fail("an SRV record is too short");
            }

            int end;
            if (!TryReadName(record.DataOffset + SrvFixedLength, out target, out end) || !EndsWithin(end, record, "an SRV record's name runs past its data"))
            {
                return false;
            }

            // Priority and weight come first; with one host per instance they choose nothing here.
            port = ReadUInt16(record.DataOffset + 4);
            return true;
        }

        /// <summary>Reads an A record's address as dotted text.</summary>
        public bool TryReadIpv4Address(DnsRecord record, out string address)
        {
            address = string.Empty;
            if (record.DataLength != Ipv4Length)
            {
                return Fail("an A record does not hold 4 bytes");
            }

            int at = record.DataOffset;
            address = _message[at].ToString() + "." + _message[at + 1].ToString() + "." + _message[at + 2].ToString() + "." + _message[at + 3].ToString();
            return true;
        }

        /// <summary>
        /// Finds <paramref name="key"/> among a TXT record's key=value strings (RFC 6763 section 6; keys compare without
        /// regard to case). True when present, with the value (empty for a key without '='); false when absent, or when
        /// the record is malformed and so says nothing.
        /// </summary>
        public bool TryFindText(DnsRecord record, string key, out string value)
        {
            value = string.Empty;
            string wanted = key.ToLower();
            int position = record.DataOffset;
            int end = record.DataOffset + record.DataLength;
            while (position < end)
            {
                int length = _message[position];
                int start = position + 1;
                position = start + length;
                if (position > end)
                {
                    return Fail("a TXT string runs past its record");
                }

                if (length == 0 || !Utf8Validator.IsValid(_message, start, position))
                {
                    continue;
                }

                string entry = Encoding.UTF8.GetString(_message, start, length);
                int equals = entry.IndexOf('=');
                string entryKey = equals < 0 ? entry : entry.Substring(0, equals);
                if (entryKey.ToLower() == wanted)
                {
                    // RFC 6763 section 6.4: only the first occurrence of a key counts.
                    value = equals < 0 ? string.Empty : entry.Substring(equals + 1);
                    return true;
                }
            }

            return false;
        }

        private bool TryReadName(int start, out string name, out int end)
        {
            name = string.Empty;
            end = start;
            string result = string.Empty;
            int wireLength = 0;
            int position = start;
            int segmentStart = start;
            bool jumped = false;
            while (true)
            {
                if (position >= _length)
                {
                    return Fail("a name runs past the end of the message");
                }

                int length = _message[position];
                int kind = length & LabelKindMask;
                if (kind == PointerKind)
                {
                    if (position + 1 >= _length)
                    {
                        return Fail("a compression pointer is cut off");
                    }

                    // A pointer refers to a prior occurrence of a name (RFC 1035 section 4.1.4). Requiring it to land
                    // before the part of the name being read makes every jump go strictly backwards: no loop can form.
                    int target = ((length & PointerHighMask) << 8) | _message[position + 1];
                    if (target >= segmentStart)
                    {
                        return Fail("a compression pointer points forward or into its own name");
                    }

                    if (!jumped)
                    {
                        end = position + 2;
                        jumped = true;
                    }

                    position = target;
                    segmentStart = target;
                    continue;
                }

                if (kind != 0)
                {
                    return Fail("a label has an unknown type");
                }

                wireLength += length + 1;
                if (wireLength > MaximumNameLength)
                {
                    return Fail("a name is longer than 255 bytes");
                }

                if (length == 0)
                {
                    if (!jumped)
                    {
                        end = position + 1;
                    }

                    name = result;
                    return true;
                }

                int labelStart = position + 1;
                position = labelStart + length;
                if (position > _length)
                {
                    return Fail("a label runs past the end of the message");
                }

                if (!Utf8Validator.IsValid(_message, labelStart, position))
                {
                    return Fail("a label is not UTF-8");
                }

                string label = Encoding.UTF8.GetString(_message, labelStart, length);
                result = result.Length == 0 ? label : result + "." + label;
            }
        }

        private bool EndsWithin(int end, DnsRecord record, string problem)
        {
            return end <= record.DataOffset + record.DataLength || Fail(problem);
        }

        private ushort ReadUInt16(int at)
        {
            return (ushort)((_message[at] << 8) | _message[at + 1]);
        }

        private bool Fail(string problem)
        {
            Problem = problem;
            return false;
        }
    }
}
