namespace Esp32Client.Core
{
    /// <summary>Where a JSON string or value lies in the payload bytes (a value type: reading one allocates nothing).</summary>
    public struct JsonToken
    {
        /// <summary>What kind of value this is.</summary>
        public JsonValueKind Kind;

        /// <summary>First byte of the value; for a string, the first byte after the opening quote.</summary>
        public int Start;

        /// <summary>One past the value; for a string, the closing quote.</summary>
        public int End;

        /// <summary>True when a string contains escape sequences and must be decoded before comparing.</summary>
        public bool Escaped;

        /// <summary>Where reading should go on: past the closing quote of a string, else <see cref="End"/>.</summary>
        public int Next
        {
            get { return Kind == JsonValueKind.String ? End + 1 : End; }
        }
    }
}
