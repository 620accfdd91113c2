using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>
/// Regression tests for the classes of hostile input of issue 10 at the HTTP edge: unbounded keyword queries, unknown
/// or repeated query parameters, malformed values, HEAD, and header bytes Kestrel used to refuse before the API.
/// </summary>
public sealed class HostileRequestTests
{
    private static readonly string Tasks = $"v1/plans/{SyntheticPlanData.PlanId}/tasks";

    public static TheoryData<string> GetRoutes() =>
    [
        "v1/plans",
        $"v1/plans/{SyntheticPlanData.PlanId}",
        $"v1/plans/{SyntheticPlanData.PlanId}/aspects",
        $"v1/plans/{SyntheticPlanData.PlanId}/summary",
        $"v1/plans/{SyntheticPlanData.PlanId}/tasks",
        $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{SyntheticPlanData.Code(1)}",
        $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{SyntheticPlanData.Code(1)}/progress",
        "v1/regions",
        "v1/region-groups",
        "v1/indicators",
        $"v1/indicators/{SyntheticPlanData.Indicator}/observations",
    ];

    [Fact]
    public async Task A_keyword_query_over_the_limit_is_a_400_problem_naming_the_limit_not_a_500()
    {
        await using var server = await TestServer.StartAsync(SqliteStore());
        var words = string.Join('+', Enumerable.Range(0, 1000).Select(static i => "w" + i.ToString(CultureInfo.InvariantCulture)));
        using var response = await server.Http.GetAsync($"{Tasks}?q={words}");
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Contains("max", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("q", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var atLimit = string.Join('+', Enumerable.Range(0, KeywordQuery.MaxKeywords).Select(static _ => "syn"));
        using var fine = await server.Http.GetAsync($"{Tasks}?q={atLimit}");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Theory]
    [InlineData("syn-001")]
    [InlineData("SYN-01")]
    [InlineData("task 1")]
    [InlineData("synthetic")]
    [InlineData("nothing-matches-this")]
    public async Task The_servers_q_and_PlanIndex_Search_find_the_same_tasks(string q)
    {
        var seed = SyntheticPlanData.Seed(30);
        var expected = PlanIndex.Create(seed.Plans[0], seed.Regions).Search(q).Select(static t => t.Code.ToString()).ToList();
        foreach (var store in new IPlanStoreFactory[] { () => new InMemoryPlanStore(SyntheticPlanData.Seed(30)), () => SqliteStore(30) })
        {
            await using var server = await TestServer.StartAsync(store());
            using var response = await server.Http.GetAsync($"{Tasks}?pageSize=200&q={Uri.EscapeDataString(q)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await TestServer.ReadJsonAsync(response)).GetProperty("items").EnumerateArray().Select(static t => t.GetProperty("task").GetProperty("code").GetString()!).ToList();
            Assert.Equal(expected, items);
        }
    }

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task An_unknown_query_parameter_is_a_400_problem_naming_it_on_every_endpoint(string route)
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync(route + "?stauts=completed");
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Contains("'stauts'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task HEAD_answers_like_GET_without_a_body(string route)
    {
        await using var server = await TestServer.StartAsync();
        using var get = await server.Http.GetAsync(route);
        using var head = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        if (get.Content.Headers.ContentLength is { } length)
        {
            Assert.Equal(length, head.Content.Headers.ContentLength);
        }
    }

    [Theory]
    [InlineData("pageSize=-1", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("pageSize=99999999999999999999", "pageSize")]
    [InlineData("pageSize=5&pageSize=6", "pageSize")]
    [InlineData("status=Completed", "status")]
    [InlineData("region=31000x", "region")]
    [InlineData("aspect=%00", "aspect")]
    [InlineData("pageToken=%FF%FE", "pageToken")]
    [InlineData("updatedSince=yesterday", "updatedSince")]
    [InlineData("updatedSince=2026-11-30T08:00:00", "updatedSince")]
    [InlineData("updatedSince=2026-11-30", "updatedSince")]
    [InlineData("asOf=2026-11-30T08:00:00%2B08:00", "asOf")]
    public async Task A_malformed_value_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync($"{Tasks}?{query}");
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1/plans/synthetic-plan/progress?updatedSince=2026-13-01T00:00:00Z", "updatedSince")]
    [InlineData("v1/plans/synthetic-plan/progress?asOf=now", "asOf")]
    [InlineData("v1/plans/synthetic-plan/tasks/SYN-001?asOf=1", "asOf")]
    [InlineData("v1/plans/synthetic-plan/tasks/SYN-001/progress?updatedSince=x", "updatedSince")]
    [InlineData("v1/plans/synthetic-plan/progress?since=2026-11-30T00:00:00Z", "since")]
    public async Task A_malformed_instant_or_unknown_parameter_of_the_change_reads_is_a_400_naming_it(string path, string parameter)
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync(path);
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2024-13")]
    [InlineData("to=2024-02-30")]
    [InlineData("from=2024-01-01%00")]
    [InlineData("to=99999999999")]
    public async Task An_unparsable_period_is_a_400_problem_naming_the_parameter(string query)
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?{query}");
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Contains(query[..query.IndexOf('=', StringComparison.Ordinal)], problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_ASCII_idempotency_key_reaches_the_api_and_gets_a_problem_naming_the_header()
    {
        await using var server = await TestServer.StartAsync();
        var etag = await server.TaskETagAsync(SyntheticPlanData.Code(1));
        var body = JsonSerializer.Serialize(SyntheticPlanData.Report(SyntheticPlanData.Code(1), ImplementationStatus.InProgress, new NodaTime.LocalDate(2025, 1, 1)), DeltaSdk.Serialization.DeltaJson.Options);
        var (status, contentType, text) = await RawAsync(
            server.Host.BaseAddress,
            $"POST /{Tasks}/{SyntheticPlanData.Code(1)}/progress HTTP/1.1",
            ["Content-Type: application/json", $"X-Api-Key: {TestServer.WriteKey}", $"If-Match: {etag}", "Idempotency-Key: clé-ünïcode"],
            Encoding.UTF8.GetBytes(body));
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("Idempotency-Key", text, StringComparison.Ordinal);
    }

    private delegate IPlanStore IPlanStoreFactory();

    private static SqlitePlanStore SqliteStore(int taskCount = 120)
        => new(Path.Combine(Path.GetTempPath(), "deltasdk-hostile-" + Guid.NewGuid().ToString("N") + ".db"), SyntheticPlanData.Seed(taskCount));

    /// <summary>Sends bytes HttpClient would refuse to send (a header byte above 0x7F) over a raw socket.</summary>
    internal static async Task<(int Status, string? ContentType, string Body)> RawAsync(Uri baseAddress, string requestLine, IEnumerable<string> headers, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        var head = new StringBuilder().Append(requestLine).Append("\r\n")
            .Append("Host: ").Append(baseAddress.Authority).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var headerEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var contentType = response[..headerEnd].Split("\r\n").FirstOrDefault(static l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim();
        return (status, contentType, response[(headerEnd + 4)..]);
    }
}
