using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// Renames the freshly written temporary file over the store file. On Windows, through MoveFileEx with
/// MOVEFILE_WRITE_THROUGH, which returns only once the rename is on the disk (File.Move does not ask for it), and a
/// rename that another program refuses for a moment (a virus scanner or a cloud-sync client that has the store file
/// open) is tried again a few times before it fails. Elsewhere, File.Move (rename(2), atomic within a folder).
/// </summary>
internal static class StoreFileReplacement
{
    /// <summary>How many times a refused rename is tried on Windows, in all.</summary>
    public const int Attempts = 5;

    /// <summary>The wait after the first refusal; each further one waits that much longer.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    // <winbase.h>: MOVEFILE_REPLACE_EXISTING 0x1, MOVEFILE_WRITE_THROUGH 0x8.
    private const uint ReplaceExisting = 0x1;
    private const uint WriteThrough = 0x8;

    // <winerror.h>: what another program's open handle on the file makes MoveFileEx fail with.
    private const int AccessDenied = 5;
    private const int SharingViolation = 32;
    private const int LockViolation = 33;

    /// <summary>Replaces <paramref name="destination"/> with <paramref name="source"/>.</summary>
    public static void Replace(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            Retry(() => MoveFileEx(source, destination, ReplaceExisting | WriteThrough) ? 0 : Marshal.GetLastPInvokeError(), destination, Thread.Sleep);
        }
        else
        {
            File.Move(source, destination, overwrite: true);
        }
    }

    /// <summary>
    /// Runs <paramref name="move"/> (0 on success, else a Windows error code) until it succeeds, waiting with
    /// <paramref name="wait"/> between attempts while another program holds the file; throws what a failure means.
    /// </summary>
    public static void Retry(Func<int> move, string destination, Action<TimeSpan> wait)
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
                string message = $"cannot replace {destination}: {Marshal.GetPInvokeErrorMessage(error)}";
                throw error == AccessDenied ? new UnauthorizedAccessException(message) : new IOException(message, HResultOf(error));
            }

            wait(RetryDelay * attempt);
        }
    }

    private static int HResultOf(int windowsError)
    {
        // HRESULT_FROM_WIN32 (<winerror.h>): facility 7 (Win32), severity bit set.
        return unchecked((int)0x80070000) | (windowsError & 0xFFFF);
    }

    [DllImport("kernel32.dll", EntryPoint = "MoveFileExW", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool MoveFileEx(string existingFileName, string newFileName, uint flags);
}
