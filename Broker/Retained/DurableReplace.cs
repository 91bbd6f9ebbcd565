using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// Replaces a file by renaming a finished copy over it, so that after a power cut the file is either the old one or the
/// new one, and the new one once this returns. The copy's bytes are on disk already (the caller flushed it); what is
/// left is the rename itself. Linux and macOS keep a rename in the directory, which must be synced too (fsync(2) on the
/// directory; ext4 with data=ordered usually gets it right without, other file systems need it). Windows writes the
/// rename through when asked (MoveFileEx with MOVEFILE_WRITE_THROUGH).
/// </summary>
public static class DurableReplace
{
    // <winbase.h>
    private const uint MoveFileReplaceExisting = 0x1;
    private const uint MoveFileWriteThrough = 0x8;

    // <fcntl.h>: O_RDONLY is 0 on Linux and macOS; a directory opened read-only can be synced.
    private const int ReadOnly = 0;

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> and makes the rename durable.</summary>
    public static void Replace(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            if (!MoveFileEx(source, destination, MoveFileReplaceExisting | MoveFileWriteThrough))
            {
                throw new IOException($"Cannot replace {destination}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
            }

            return;
        }

        File.Move(source, destination, overwrite: true);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        }
    }

    /// <summary>Writes <paramref name="directory"/>'s entries (a rename, a new file) to disk.</summary>
    public static void SyncDirectory(string directory)
    {
        int descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open the directory {directory} to write it to disk: {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Cannot write the directory {directory} to disk: {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("kernel32.dll", EntryPoint = "MoveFileExW", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool MoveFileEx(string existingFileName, string newFileName, uint flags);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
