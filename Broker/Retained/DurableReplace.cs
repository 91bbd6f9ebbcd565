using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// Replaces a file by renaming a finished copy over it, so that after a power cut the file is either the old one or the
/// new one, and the new one once this returns. The copy's bytes are on disk already (the caller flushed it); what is
/// left is the rename itself. Linux and macOS keep a rename in the directory, which must be synced too (fsync(2) on the
/// directory; ext4 with data=ordered usually gets it right without, other file systems need it). Windows writes the
/// rename through when asked (MoveFileEx with MOVEFILE_WRITE_THROUGH), and refuses it for a moment while another
/// program has the file open (a virus scanner, a cloud-sync client such as OneDrive): it is tried again then.
/// </summary>
public static class DurableReplace
{
    /// <summary>How many times a rename that another program holds up is tried on Windows, in all.</summary>
    public const int Attempts = 5;

    /// <summary>The wait after the first refusal; each further one waits that much longer.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    // <winbase.h>
    private const uint MoveFileReplaceExisting = 0x1;
    private const uint MoveFileWriteThrough = 0x8;

    // <winerror.h>: what another program's open handle on the file makes MoveFileEx fail with.
    private const int AccessDenied = 5;
    private const int SharingViolation = 32;
    private const int LockViolation = 33;

    // <fcntl.h>: O_RDONLY is 0 on Linux and macOS; a directory opened read-only can be synced.
    private const int ReadOnly = 0;

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> and makes the rename durable.</summary>
    public static void Replace(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            RetryWhileHeld(() => MoveFileEx(source, destination, MoveFileReplaceExisting | MoveFileWriteThrough) ? 0 : Marshal.GetLastPInvokeError(), destination, Thread.Sleep);
            return;
        }

        File.Move(source, destination, overwrite: true);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        }
    }

    /// <summary>
    /// Runs <paramref name="move"/> (0 on success, else a Windows error code) until it succeeds, waiting with
    /// <paramref name="wait"/> between attempts while another program holds the file; a lasting or other failure throws.
    /// </summary>
    public static void RetryWhileHeld(Func<int> move, string destination, Action<TimeSpan> wait)
    {
        for (int attempt = 1; ; attempt++)
        {
            int error = move();
            if (error == 0)
            {
                return;
            }

            if (attempt == Attempts || error is not (AccessDenied or SharingViolation or LockViolation))
            {
                throw new IOException($"Cannot replace {destination}: {new Win32Exception(error).Message}");
            }

            wait(RetryDelay * attempt);
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
