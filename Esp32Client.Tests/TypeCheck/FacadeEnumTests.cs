namespace Esp32Client.Tests.TypeCheck;

/// <summary>
/// The compile-only facades declare each enum with the values Esp32Client/NANOFRAMEWORK.md records from the packages'
/// sources: a facade whose values drift (as NetworkHelperStatus's ExceptionOccurred and Reconnecting once did) fails here.
/// </summary>
[Collection(FirmwareTypeCheckCollection.Name)]
public sealed class FacadeEnumTests(FirmwareTypeCheckFixture builds)
{
    [Fact]
    public void Every_facade_enum_has_exactly_the_members_and_values_the_notes_record()
    {
        // Arrange
        FirmwareBuildResult build = builds.Build(FirmwareTypeCheckFixture.AsCommitted, _ => { });
        Assert.True(build.Succeeded, build.Output);
        Dictionary<string, List<(string Member, long Value)>> documented = DocumentedEnums.Parse(ReadNotes());

        // Act
        Dictionary<string, List<(string Member, long Value)>> declared = FacadeEnums.Read(build.FacadeDirectory);

        // Assert
        Assert.NotEmpty(declared);
        Assert.Empty(Differences(documented, declared));
    }

    [Fact]
    public void Two_swapped_values_in_the_notes_are_reported_as_differences()
    {
        // Arrange
        FirmwareBuildResult build = builds.Build(FirmwareTypeCheckFixture.AsCommitted, _ => { });
        Assert.True(build.Succeeded, build.Output);
        string swapped = ReadNotes()
            .Replace("| ExceptionOccurred | 7 |", "| ExceptionOccurred | 8 |", StringComparison.Ordinal)
            .Replace("| Reconnecting | 8 |", "| Reconnecting | 7 |", StringComparison.Ordinal);

        // Act
        List<string> differences = Differences(DocumentedEnums.Parse(swapped), FacadeEnums.Read(build.FacadeDirectory));

        // Assert
        Assert.Equal(
            [
                "NetworkHelperStatus.ExceptionOccurred: the facade says 7, the notes say 8",
                "NetworkHelperStatus.Reconnecting: the facade says 8, the notes say 7",
            ],
            differences);
    }

    private static string ReadNotes()
    {
        return File.ReadAllText(Path.Combine(RepositoryLayout.FirmwareDirectory, DocumentedEnums.FileName));
    }

    private static List<string> Differences(
        Dictionary<string, List<(string Member, long Value)>> documented,
        Dictionary<string, List<(string Member, long Value)>> declared)
    {
        List<string> differences = [];
        foreach (string name in declared.Keys.Where(name => !documented.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            differences.Add($"{name}: declared by a facade but not recorded in {DocumentedEnums.FileName}");
        }

        foreach (string name in documented.Keys.Where(name => !declared.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            differences.Add($"{name}: recorded in {DocumentedEnums.FileName} but declared by no facade");
        }

        foreach (string name in declared.Keys.Where(documented.ContainsKey).Order(StringComparer.Ordinal))
        {
            Dictionary<string, long> notes = documented[name].ToDictionary(entry => entry.Member, entry => entry.Value, StringComparer.Ordinal);
            foreach ((string member, long value) in declared[name])
            {
                if (!notes.TryGetValue(member, out long recorded))
                {
                    differences.Add($"{name}.{member}: the facade says {value}, the notes do not list it");
                }
                else if (recorded != value)
                {
                    differences.Add($"{name}.{member}: the facade says {value}, the notes say {recorded}");
                }
            }

            foreach (string member in notes.Keys.Where(member => declared[name].All(entry => entry.Member != member)).Order(StringComparer.Ordinal))
            {
                differences.Add($"{name}.{member}: the notes list it, the facade does not declare it");
            }
        }

        return differences;
    }
}
