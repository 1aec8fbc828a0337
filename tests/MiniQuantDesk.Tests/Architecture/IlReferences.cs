using System.Reflection;
using System.Reflection.Emit;

namespace MiniQuantDesk.Tests.Architecture;

/// <summary>
/// Every type a compiled type mentions: its signatures (base, interfaces, fields, properties, methods) and the
/// tokens in its method bodies' IL (calls, field accesses, newobj, castclass, ldtoken...). Nested and
/// compiler-generated types (lambdas, async state machines) are separate types of the same namespace, so a
/// caller scanning a namespace sees them too.
/// </summary>
internal static class IlReferences
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(found, i);
        }

        foreach (var field in type.GetFields(All))
        {
            Add(found, field.FieldType);
        }

        foreach (var property in type.GetProperties(All))
        {
            Add(found, property.PropertyType);
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (var p in method.GetParameters())
            {
                Add(found, p.ParameterType);
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(found, local.LocalType);
            }

            Body(found, method);
        }

        return found;
    }

    private static void Body(HashSet<Type> found, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    Resolve(found, method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static void Resolve(HashSet<Type> found, Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo member;
        try
        {
            member = module.ResolveMember(token, typeArgs, methodArgs)!;
        }
        catch (ArgumentException)
        {
            return;
        }

        switch (member)
        {
            case Type type:
                Add(found, type);
                break;
            case MethodBase method:
                Add(found, method.DeclaringType);
                if (method is MethodInfo info)
                {
                    Add(found, info.ReturnType);
                    if (info.IsGenericMethod)
                    {
                        foreach (var arg in info.GetGenericArguments())
                        {
                            Add(found, arg);
                        }
                    }
                }

                foreach (var p in method.GetParameters())
                {
                    Add(found, p.ParameterType);
                }

                break;
            case FieldInfo field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
        }
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
        }

        if (type.IsGenericType)
        {
            foreach (var arg in type.GetGenericArguments())
            {
                Add(found, arg);
            }
        }
    }
}
