using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Esp32Client.Tests.TypeCheck;

/// <summary>
/// The nanoFramework type-check (build/nanoFramework/README.md) passes the firmware as committed and stops what
/// nanoFramework 1.x cannot run: each case builds a copy of the real Esp32Client.nfproj with one probe file added.
/// </summary>
[Collection(FirmwareTypeCheckCollection.Name)]
public sealed class FirmwareTypeCheckTests
{
    private const string ProbeFile = "TypeCheckProbe.cs";

    private readonly FirmwareTypeCheckFixture _builds;

    public FirmwareTypeCheckTests(FirmwareTypeCheckFixture builds)
    {
        _builds = builds;
    }

    [Fact]
    public void The_firmware_as_committed_passes_the_type_check()
    {
        // Act
        FirmwareBuildResult result = _builds.Build(FirmwareTypeCheckFixture.AsCommitted, _ => { });

        // Assert
        Assert.True(result.Succeeded, result.Output);
        Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(result.AssemblyPath), result.Output);
    }

    [Fact]
    public void A_generic_class_fails_the_metadata_check()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("generic-class", AddGenericClass);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error NF1001: The generic type 'Esp32Client.Probes.Box<T>' is defined.", result.Output);
    }

    [Fact]
    public void A_failed_check_fails_again_on_the_next_build()
    {
        // Act
        FirmwareBuildResult result = _builds.BuildAgain("generic-class", AddGenericClass);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error NF1001: The generic type 'Esp32Client.Probes.Box<T>' is defined.", result.Output);
    }

    [Fact]
    public void Using_an_Action_of_int_fails_the_metadata_check()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("generic-delegate", copy => copy.AddSource(ProbeFile, """
            using System;

            namespace Esp32Client.Probes
            {
                public static class Callbacks
                {
                    public static void Run()
                    {
                        Action<int> report = value => Console.WriteLine(value.ToString());
                        report(1);
                    }
                }
            }
            """));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error NF1003: 'Esp32Client.Probes.Callbacks.Run' uses 'System.Action<int>', which is generic.", result.Output);
    }

    [Fact]
    public void A_multidimensional_array_fails_the_metadata_check()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("multidimensional-array", copy => copy.AddSource(ProbeFile, """
            namespace Esp32Client.Probes
            {
                public static class Grid
                {
                    public static int Corner()
                    {
                        int[,] cells = new int[2, 3];
                        cells[1, 2] = 5;
                        return cells[1, 2];
                    }
                }
            }
            """));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error NF1005: 'Esp32Client.Probes.Grid.Corner' has a local variable of type 'int[,]', a multidimensional array.", result.Output);
    }

    [Fact]
    public void String_Replace_does_not_compile_because_nanoFramework_lacks_it()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("string-replace", copy => copy.AddSource(ProbeFile, """
            namespace Esp32Client.Probes
            {
                public static class Text
                {
                    public static string Clean(string value)
                    {
                        return value.Replace("\r", string.Empty);
                    }
                }
            }
            """));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error CS1061: 'string' does not contain a definition for 'Replace'", result.Output);
    }

    [Fact]
    public void One_argument_Encoding_UTF8_GetString_does_not_compile_because_nanoFramework_lacks_it()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("getstring-one-argument", copy => copy.AddSource(ProbeFile, """
            using System.Text;

            namespace Esp32Client.Probes
            {
                public static class Text
                {
                    public static string Decode(byte[] payload)
                    {
                        return Encoding.UTF8.GetString(payload);
                    }
                }
            }
            """));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error CS7036: There is no argument given that corresponds to the required parameter 'index' of 'Encoding.GetString(byte[], int, int)'", result.Output);
    }

    [Fact]
    public void MqttClients_own_nested_delegate_does_not_fit_its_events_as_on_the_real_package()
    {
        // Act: M2Mqtt 5.1.220's events use IMqttClient's nested delegates and MqttClient declares look-alikes
        // (M2Mqtt/MqttClient.cs at v5.1.220): the method group on line 10 compiles, the explicit MqttClient delegate on
        // line 11 does not.
        FirmwareBuildResult result = _builds.Build("m2mqtt-delegate-split", copy => copy.AddSource(ProbeFile, """
            using nanoFramework.M2Mqtt;
            using nanoFramework.M2Mqtt.Messages;

            namespace Esp32Client.Probes
            {
                public static class Subscriber
                {
                    public static void Attach(MqttClient client)
                    {
                        client.MqttMsgPublishReceived += OnMessage;
                        client.MqttMsgPublishReceived += new MqttClient.MqttMsgPublishEventHandler(OnMessage);
                    }

                    private static void OnMessage(object sender, MqttMsgPublishEventArgs e)
                    {
                    }
                }
            }
            """));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error CS0029: Cannot implicitly convert type 'nanoFramework.M2Mqtt.MqttClient.MqttMsgPublishEventHandler' to 'nanoFramework.M2Mqtt.IMqttClient.MqttMsgPublishEventHandler'", result.Output);
        Assert.Contains(ProbeFile + "(11,", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ProbeFile + "(10,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wifi_secrets_template_compiles_into_the_firmware_once_copied_to_WifiSecrets_cs()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("wifi-secrets", copy => copy.CopyFile("WifiSecrets.template.cs", "WifiSecrets.cs"));

        // Assert
        Assert.True(result.Succeeded, result.Output);
        Assert.True(HasMethodWithBody(result.AssemblyPath, "WifiCredentials", "Load"), "WifiCredentials.Load was not compiled in");
    }

    [Fact]
    public void A_package_version_that_disagrees_with_its_facade_stops_the_build()
    {
        // Act
        FirmwareBuildResult result = _builds.Build("version-mismatch", copy => copy.Replace(
            "packages.config",
            "id=\"nanoFramework.System.Net\" version=\"1.11.60\"",
            "id=\"nanoFramework.System.Net\" version=\"1.11.61\""));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("error NF2002: packages.config has nanoFramework.System.Net 1.11.61, but the compile-only facade System.Net is for 1.11.60", result.Output);
    }

    private static void AddGenericClass(FirmwareCopy copy) => copy.AddSource(ProbeFile, """
        namespace Esp32Client.Probes
        {
            public sealed class Box<T>
            {
                private T _item;

                public Box(T item)
                {
                    _item = item;
                }

                public T Item
                {
                    get { return _item; }
                }
            }
        }
        """);

    private static bool HasMethodWithBody(string assemblyPath, string typeName, string methodName)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using PEReader peReader = new(stream);
        MetadataReader reader = peReader.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .Where(type => reader.GetString(type.Name) == typeName)
            .SelectMany(type => type.GetMethods().Select(reader.GetMethodDefinition))
            .Any(method => reader.GetString(method.Name) == methodName && method.RelativeVirtualAddress != 0);
    }
}
