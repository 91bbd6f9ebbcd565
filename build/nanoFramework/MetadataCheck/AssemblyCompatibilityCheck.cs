using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoFramework.MetadataCheck;

/// <summary>
/// Finds what compiles against nanoFramework's mscorlib but cannot run on nanoFramework 1.x: generic types and
/// methods, defined or used (Action&lt;T&gt;, EventHandler&lt;T&gt; ...), and multidimensional arrays
/// (nanoframework.github.io:content/architecture/simplifications-and-trade-offs.md; Home#724).
/// </summary>
internal sealed class AssemblyCompatibilityCheck
{
    private const string GenericsAdvice =
        "nanoFramework 1.x cannot run generic types or methods: this compiles, then fails on the board. " +
        "Use a dedicated non-generic type or delegate, object or arrays instead.";

    private const string ArrayAdvice =
        "nanoFramework 1.x supports only single-dimension arrays: use a jagged array (T[][]) or one T[] indexed by row * width + column.";

    // Compiler-generated members (lambda caches, closures) are named <...>; the user's method that uses the same type
    // is reported already.
    private const char CompilerGeneratedNameStart = '<';

    private readonly string _assemblyPath;
    private readonly PEReader _peReader;
    private readonly MetadataReader _reader;
    private readonly SignatureShapeProvider _provider = new();
    private readonly List<Diagnostic> _problems = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    private AssemblyCompatibilityCheck(string assemblyPath, PEReader peReader)
    {
        _assemblyPath = assemblyPath;
        _peReader = peReader;
        _reader = peReader.GetMetadataReader();
    }

    /// <summary>Checks the assembly and returns one problem per offending type or member.</summary>
    public static IReadOnlyList<Diagnostic> Run(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using PEReader peReader = new(stream);
        AssemblyCompatibilityCheck check = new(assemblyPath, peReader);
        check.CheckAllTypes();
        return check._problems;
    }

    private void CheckAllTypes()
    {
        foreach (TypeDefinitionHandle typeHandle in _reader.TypeDefinitions)
        {
            TypeDefinition type = _reader.GetTypeDefinition(typeHandle);
            string typeName = MetadataNames.OfType(_reader, typeHandle);

            if (type.GetGenericParameters().Count > 0)
            {
                // Its members (and the types nested in it, which share its parameters) would only repeat the point.
                if (!IsNestedInGenericType(type))
                {
                    Report("NF1001", $"The generic type '{typeName}' is defined. {GenericsAdvice}");
                }

                continue;
            }

            CheckType(typeName, "derives from", type.BaseType);
            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                CheckType(typeName, "implements", _reader.GetInterfaceImplementation(implementation).Interface);
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = _reader.GetFieldDefinition(fieldHandle);
                if (_reader.GetString(field.Name)[0] != CompilerGeneratedNameStart)
                {
                    CheckShape(MetadataNames.OfField(_reader, fieldHandle), "has the type", field.DecodeSignature(_provider, null));
                }
            }

            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = _reader.GetPropertyDefinition(propertyHandle);
                MethodSignature<SignatureShape> signature = property.DecodeSignature(_provider, null);
                CheckShape(typeName + "." + _reader.GetString(property.Name), "has the type", signature.ReturnType);
            }

            foreach (EventDefinitionHandle eventHandle in type.GetEvents())
            {
                EventDefinition definition = _reader.GetEventDefinition(eventHandle);
                CheckType(typeName + "." + _reader.GetString(definition.Name), "has the type", definition.Type);
            }

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                CheckMethod(methodHandle);
            }
        }
    }

    private void CheckMethod(MethodDefinitionHandle methodHandle)
    {
        MethodDefinition method = _reader.GetMethodDefinition(methodHandle);
        string methodName = MetadataNames.OfMethod(_reader, methodHandle);

        if (method.GetGenericParameters().Count > 0)
        {
            Report("NF1002", $"The generic method '{methodName}' is defined. {GenericsAdvice}");
            return;
        }

        MethodSignature<SignatureShape> signature = method.DecodeSignature(_provider, null);
        foreach (SignatureShape part in signature.ParameterTypes.Add(signature.ReturnType))
        {
            CheckShape(methodName, "has a parameter or return value of type", part);
        }

        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        MethodBodyBlock body = _peReader.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            foreach (SignatureShape local in _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_provider, null))
            {
                CheckShape(methodName, "has a local variable of type", local);
            }
        }

        foreach (EntityHandle token in IlTokenReader.ReadTokens(body))
        {
            CheckToken(methodName, token);
        }
    }

    private void CheckToken(string methodName, EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.TypeSpecification:
            case HandleKind.TypeReference:
                CheckType(methodName, "uses", token);
                break;
            case HandleKind.MethodSpecification:
                MethodSpecification specification = _reader.GetMethodSpecification((MethodSpecificationHandle)token);
                string arguments = string.Join(", ", specification.DecodeSignature(_provider, null).Select(a => a.Text));
                Report("NF1004", $"'{methodName}' calls the generic method '{NameOfMethod(specification.Method)}<{arguments}>'. {GenericsAdvice}");
                break;
            case HandleKind.MemberReference:
                CheckMemberReference(methodName, (MemberReferenceHandle)token);
                break;
            case HandleKind.StandaloneSignature:
                MethodSignature<SignatureShape> pointer = _reader.GetStandaloneSignature((StandaloneSignatureHandle)token).DecodeMethodSignature(_provider, null);
                CheckShape(methodName, "calls through", SignatureShapeProvider.Combine("a method pointer", pointer.ParameterTypes.Add(pointer.ReturnType)));
                break;
        }
    }

    private void CheckMemberReference(string methodName, MemberReferenceHandle handle)
    {
        MemberReference member = _reader.GetMemberReference(handle);
        CheckType(methodName, "uses", member.Parent);

        // A member of a generic instance (Action<int>.Invoke) has a signature in terms of its parameters (!0): the
        // instance itself is what gets reported.
        if (member.Parent.Kind == HandleKind.TypeSpecification)
        {
            return;
        }

        if (member.GetKind() == MemberReferenceKind.Field)
        {
            CheckShape(methodName, "uses a field of type", member.DecodeFieldSignature(_provider, null));
        }
        else
        {
            MethodSignature<SignatureShape> signature = member.DecodeMethodSignature(_provider, null);
            foreach (SignatureShape part in signature.ParameterTypes.Add(signature.ReturnType))
            {
                CheckShape(methodName, "calls a method whose signature uses", part);
            }
        }
    }

    private void CheckType(string memberName, string relation, EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                CheckShape(memberName, relation, _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_provider, null));
                break;
            case HandleKind.TypeReference:
                // An open generic type named directly, as typeof(Action<>) does.
                TypeReferenceHandle reference = (TypeReferenceHandle)handle;
                if (MetadataNames.IsGenericDefinitionName(_reader, reference))
                {
                    Report("NF1003", $"'{memberName}' {relation} '{MetadataNames.OfOpenGenericType(_reader, reference)}', which is generic. {GenericsAdvice}");
                }

                break;
        }
    }

    private void CheckShape(string memberName, string relation, SignatureShape shape)
    {
        if (shape.UsesGenerics)
        {
            Report("NF1003", $"'{memberName}' {relation} '{shape.Text}', which is generic. {GenericsAdvice}");
        }

        if (shape.UsesMultidimensionalArray)
        {
            Report("NF1005", $"'{memberName}' {relation} '{shape.Text}', a multidimensional array. {ArrayAdvice}");
        }
    }

    private string NameOfMethod(EntityHandle method) => method.Kind switch
    {
        HandleKind.MethodDefinition => MetadataNames.OfMethod(_reader, (MethodDefinitionHandle)method, withGenericParameters: false),
        HandleKind.MemberReference => NameOfMemberReference((MemberReferenceHandle)method),
        _ => "0x" + MetadataTokens.GetToken(method).ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
    };

    private string NameOfMemberReference(MemberReferenceHandle handle)
    {
        MemberReference member = _reader.GetMemberReference(handle);
        string parent = member.Parent.Kind switch
        {
            HandleKind.TypeReference => MetadataNames.OfType(_reader, (TypeReferenceHandle)member.Parent),
            HandleKind.TypeDefinition => MetadataNames.OfType(_reader, (TypeDefinitionHandle)member.Parent),
            HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(_provider, null).Text,
            _ => "?",
        };
        return parent + "." + _reader.GetString(member.Name);
    }

    private bool IsNestedInGenericType(TypeDefinition type)
    {
        for (TypeDefinitionHandle outer = type.GetDeclaringType(); !outer.IsNil; outer = _reader.GetTypeDefinition(outer).GetDeclaringType())
        {
            if (_reader.GetTypeDefinition(outer).GetGenericParameters().Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void Report(string code, string message)
    {
        if (_reported.Add(code + message))
        {
            _problems.Add(new Diagnostic(_assemblyPath, code, message));
        }
    }
}
