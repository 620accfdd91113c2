using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Refuses a query parameter an endpoint does not take, or one given more than once, with a <c>400</c> problem that
/// names it: a misspelt filter (<c>?stauts=completed</c>) must not silently widen the answer.
/// </summary>
/// <remarks>
/// The parameters an endpoint takes are read once, when the endpoint is built, from its handler's
/// <see cref="FromQueryAttribute"/> parameters, so the list cannot drift from the handler. Names compare ignoring
/// case, as ASP.NET Core binds them.
/// </remarks>
internal static class QueryParameterFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factoryContext, EndpointFilterDelegate next)
    {
        var names = factoryContext.MethodInfo.GetParameters()
            .Select(static p => p.GetCustomAttribute<FromQueryAttribute>() is { } query ? query.Name ?? p.Name : null)
            .OfType<string>()
            .ToList();
        var allowed = names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var takes = names.Count == 0 ? "This endpoint takes no query parameters." : $"This endpoint takes: {string.Join(", ", names)}.";
        return context =>
        {
            foreach (var (name, values) in context.HttpContext.Request.Query)
            {
                if (!allowed.Contains(name))
                {
                    return ValueTask.FromResult<object?>(ProblemResult.BadRequest($"Unknown query parameter '{Printable(name)}'. {takes}"));
                }

                if (values.Count > 1)
                {
                    return ValueTask.FromResult<object?>(ProblemResult.BadRequest(string.Create(CultureInfo.InvariantCulture, $"Query parameter '{Printable(name)}' is given {values.Count} times; give it once.")));
                }
            }

            return next(context);
        };
    }

    /// <summary>Keeps an attacker's parameter name short in the problem's detail.</summary>
    private static string Printable(string name) => name.Length <= 64 ? name : string.Concat(name.AsSpan(0, 64), "…");
}
