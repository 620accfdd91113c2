using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>
/// Property-based test of the server's promise at the HTTP edge: whatever the method, path, query, headers and body,
/// the answer is never a 5xx, and every 4xx is an RFC 9457 problem document.
/// </summary>
public sealed class HttpFuzzTests
{
    private static readonly string Plan = SyntheticPlanData.PlanId.ToString();
    private static readonly string Task = SyntheticPlanData.Code(1).ToString();

    private static readonly Gen<string> Method = Gen.OneOf("GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private static readonly Gen<string> Path = Gen.OneOf(
        "v1/plans", $"v1/plans/{Plan}", $"v1/plans/{Plan}/aspects", $"v1/plans/{Plan}/summary", $"v1/plans/{Plan}/tasks",
        $"v1/plans/{Plan}/tasks/{Task}", $"v1/plans/{Plan}/tasks/{Task}/progress", $"v1/plans/{Plan}/tasks/{Task}/progress/1",
        "v1/regions", "v1/region-groups", "v1/indicators", $"v1/indicators/{SyntheticPlanData.Indicator}/observations",
        // Not "%00" in the path: Kestrel refuses it with an empty 400 before any application code runs (see
        // docs/articles/plan-server.md, "Refused before the API").
        "v1/plans/%01", "v1/plans/x/tasks/%E2%80%AE", "v1/plans/%FF%FE", $"v1/plans/{Plan}/tasks/{new string('A', 300)}", "v1/plans/../../etc",
        $"v1/plans/{Plan}/tasks/{Task}/progress/99999999999999999999", "v1", "",
        // The change-tracking and catalogue routes (issue 9).
        $"v1/plans/{Plan}/progress", $"v1/plans/{Plan}/revisions", $"v1/plans/{Plan}/indicators/{SyntheticPlanData.Indicator}",
        $"v1/plans/{Plan}/indicators/%E2%80%AE", $"v1/indicators/{SyntheticPlanData.Indicator}", $"v1/indicators/{SyntheticPlanData.Indicator}/observations/revisions");

    private static readonly Gen<string> Text = Gen.Char["azAZ09-_.:~ %+&=#/\\'\"<>{}[]é中\u0000\u007f\u202e\ud800"].Array[0, 24].Select(static c => new string(c));

    private static readonly Gen<string> Name = Gen.Frequency(
        (4, Gen.OneOf("q", "pageSize", "pageToken", "aspect", "region", "regionGroup", "status", "level", "parent", "from", "to", "asOf", "updatedSince", "dryRun", "period")),
        (1, Text));

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, Gen.OneOf(
            "", "-1", "0", "1", "200", "201", "2147483648", "abc", "1e3", "NaN", "completed", "inProgress", "Completed", "a1",
            "310000", "31000x", "2024", "2024-H1", "2024-Q3", "2024-07", "2024-07-25", "2024-13", "2024-02-30", "24:00:00",
            "2024-01-01\u0000", "synthetic-demo-zone", "rail", "铁路", "SYN-001", "province", "\ud800",
            "2026-11-30T08:00:00Z", "2026-11-30T08:00:00.123456789Z", "2026-11-30T08:00:00.1234567891Z", "2026-11-30T08:00:00+08:00",
            "2026-11-30T08:00Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "-0001-01-01T00:00:00Z",
            "true", "false", "True", "1")),
        (1, Gen.Int[0, 40].Select(static n => string.Join(' ', Enumerable.Repeat("w", n)))),
        (2, Text));

    private static readonly Gen<string> Query = Gen.Select(Name, Value).Array[0, 5]
        .Select(static pairs => pairs.Length == 0 ? string.Empty : "?" + string.Join('&', pairs.Select(static p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))));

    private static readonly Gen<(string Name, string Value)[]> Headers = Gen.Select(
            Gen.OneOf("If-None-Match", "If-Match", "Idempotency-Key", "X-Api-Key", "Accept", "X-Request-Id", "Content-Type"),
            Gen.Frequency(
                (2, Gen.OneOf("*", "\"abc\"", "W/\"1\"", "\"1\"", "\"r1\"", "W/\"r1\"", "\"v1\"", "\"r1\", \"r2\"", TestServer.WriteKey, TestServer.ReadKey, "application/json", "text/plain", "application/problem+json", "00000000-0000-0000-0000-000000000000", new string('k', 300))),
                (1, Gen.Char[" !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"].Array[0, 40].Select(static c => new string(c)))))
        .Array[0, 4];

    private static readonly byte[] ValidReport = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
        SyntheticPlanData.Report(SyntheticPlanData.Code(1), ImplementationStatus.InProgress, new LocalDate(2025, 1, 1), 40), DeltaJson.Options));

    /// <summary>Valid documents of each kind a route takes: a report, a plan (for PUT), a task, an indicator, observations.</summary>
    private static readonly Plan ValidPlan = SyntheticPlanData.Plan(20);

    private static readonly byte[][] ValidDocuments =
    [
        ValidReport,
        DeltaJson.WritePlanToUtf8Bytes(ValidPlan),
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ValidPlan.AllTasks.First(), DeltaJson.Options)),
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ValidPlan.Indicators[0], DeltaJson.Options)),
        Encoding.UTF8.GetBytes(RepeatedList("observations", 3)),
    ];

    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (1, Gen.Const(Array.Empty<byte>())),
        (1, Gen.Byte.Array[0, 200]),
        (1, Gen.OneOf(ValidDocuments)),
        (3, Gen.Select(Gen.OneOf(ValidDocuments), Gen.Double[0, 1], Gen.Double[0, 1], Gen.Byte, Gen.Bool, static (document, cut, at, value, truncate) =>
        {
            // A valid document, truncated or with one byte changed.
            var bytes = (byte[])document.Clone();
            if (truncate)
            {
                return bytes[..(int)(cut * bytes.Length)];
            }

            bytes[Math.Min((int)(at * bytes.Length), bytes.Length - 1)] = value;
            return bytes;
        })),
        // Repetition attacks under the byte limit: long lists where the server bounds the count (RequestLimitOptions).
        (1, Gen.Select(Gen.OneOf("narrative", "sources", "observations", "members"), Gen.Int[0, 3000], static (list, count) => Encoding.UTF8.GetBytes(RepeatedList(list, count)))),
        (1, Gen.OneOf("null", "[]", "{}", "\"\\ud800\"", "{\"\\ud800\":1}", "{\"formatVersion\":null}", "{\"task\":null}", "1e999")
            .Select(static s => Encoding.UTF8.GetBytes(s))));

    /// <summary>A synthetic report or batch whose one list holds <paramref name="count"/> entries.</summary>
    private static string RepeatedList(string list, int count)
    {
        var entries = Enumerable.Range(0, count);
        var report = Encoding.UTF8.GetString(ValidReport).TrimEnd('}');
        return list switch
        {
            "narrative" => report + ",\"narrative\":{" + string.Join(',', entries.Select(static i => $"\"en-x-{i}\":\"s\"")) + "}}",
            "sources" => report + ",\"sources\":[" + string.Join(',', entries.Select(static i => $"{{\"title\":\"Synthetic {i}\"}}")) + "]}",
            "members" => report + string.Concat(entries.Select(static i => $",\"xSynthetic{i}\":{i}")) + "}",
            _ => "{\"formatVersion\":\"1.0\",\"observations\":[" + string.Join(',', entries.Select(static i => $"{{\"indicator\":\"{SyntheticPlanData.Indicator}\",\"region\":\"310000\",\"period\":\"{2000 + (i % 50)}\",\"value\":{i}}}")) + "]}",
        };
    }

    [Fact]
    public async Task No_request_gets_a_5xx_and_every_4xx_is_a_problem_document()
    {
        await using var server = await TestServer.StartAsync();
        var requests = Gen.Select(Method, Path, Query, Headers, Body);
        await requests.SampleAsync(
            async (method, path, query, headers, body) =>
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                if (method is "POST" or "PUT" or "PATCH" || body.Length > 0 && method != "GET" && method != "HEAD")
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                }

                foreach (var (name, value) in headers)
                {
                    if (name == "Content-Type")
                    {
                        request.Content?.Headers.Remove(name);
                        request.Content?.Headers.TryAddWithoutValidation(name, value);
                    }
                    else
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                using var response = await server.Http.SendAsync(request);
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{method} {path}{query} answered {status}: {await response.Content.ReadAsStringAsync()}");
                if (status >= 400)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    if (method != "HEAD")
                    {
                        var problem = await TestServer.ReadJsonAsync(response);
                        Assert.Equal(status, problem.GetProperty("status").GetInt32());
                        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
                    }
                }
            },
            iter: 400,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("DELTASDK_FUZZ_SEED"),
            print: static r => string.Create(CultureInfo.InvariantCulture, $"{r.Item1} {r.Item2}{r.Item3} headers=[{string.Join("; ", r.Item4.Select(static h => h.Name + ": " + h.Value))}] body={Convert.ToBase64String(r.Item5)}"));
    }
}
