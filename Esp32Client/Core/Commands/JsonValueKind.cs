namespace Esp32Client.Core
{
    /// <summary>The kinds of JSON value the command reader tells apart.</summary>
    public enum JsonValueKind
    {
        /// <summary>A string; its range excludes the quotes.</summary>
        String,

        /// <summary>A number, as written.</summary>
        Number,

        /// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
        Literal,

        /// <summary>An object (only its first byte is read: no command value is an object).</summary>
        Object,

        /// <summary>An array (only its first byte is read: no command value is an array).</summary>
        Array,
    }
}
