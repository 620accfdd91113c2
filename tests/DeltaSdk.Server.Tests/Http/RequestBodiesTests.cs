using System.Net;
using System.Text;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

public sealed class RequestBodiesTests : IAsyncLifetime
{
    private const int Limit = 4096;
    private static readonly TaskCode Code = SyntheticPlanData.Code(2);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(configure: static o => o.MaxRequestBodySize = Limit);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_its_length_is_declared_or_chunked()
    {
        var huge = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 9, 1), 5) with
        {
            Narrative = LocalizedText.Create(null, new string('x', Limit * 2)),
        };

        using var declared = await _server.PostProgressAsync(huge, await _server.TaskETagAsync(Code));
        await TestServer.ProblemAsync(declared, 413, "payload_too_large");

        using var request = NewPost(await _server.TaskETagAsync(Code));
        request.Content = new ChunkedContent(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(huge, DeltaSdk.Serialization.DeltaJson.Options)));
        using var chunked = await _server.Http.SendAsync(request);
        await TestServer.ProblemAsync(chunked, 413, "payload_too_large");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        using var request = NewPost(await _server.TaskETagAsync(Code));
        request.Content = new StringContent("status=inProgress", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _server.Http.SendAsync(request);
        await TestServer.ProblemAsync(response, 415, "unsupported_media_type");
    }

    [Theory]
    [InlineData("{\"formatVersion\":\"1.0\",\"plan\":\"synthetic-plan\",\"task\":\"SYN-002\",\"reportedOn\":\"2024-09-01\"", "$")]
    [InlineData("{\"formatVersion\":\"1.0\",\"plan\":\"synthetic-plan\",\"task\":\"SYN-002\",\"reportedOn\":\"2024-13-01\",\"status\":\"inProgress\"}", "$.reportedOn")]
    [InlineData("{\"formatVersion\":\"1.0\",\"plan\":\"synthetic-plan\",\"task\":\"SYN-002\",\"reportedOn\":\"2024-09-01\",\"status\":\"finished\"}", "$.status")]
    [InlineData("{\"formatVersion\":\"1.0\",\"plan\":\"synthetic-plan\",\"task\":\"SYN-002\",\"reportedOn\":\"2024-09-01\"}", "$")]
    [InlineData("{\"plan\":\"synthetic-plan\",\"task\":\"SYN-002\",\"reportedOn\":\"2024-09-01\",\"status\":\"inProgress\"}", "$.formatVersion")]
    [InlineData("{\"formatVersion\":\"2.0\",\"plan\":\"synthetic-plan\",\"task\":\"SYN-002\",\"reportedOn\":\"2024-09-01\",\"status\":\"inProgress\"}", "$.formatVersion")]
    [InlineData("", null)]
    public async Task An_unreadable_body_is_400_saying_where(string body, string? path)
    {
        using var request = NewPost(await _server.TaskETagAsync(Code));
        request.Content = TestServer.Json(body);
        using var response = await _server.Http.SendAsync(request);
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        if (path is not null)
        {
            var diagnostic = Assert.Single(problem.GetProperty("diagnostics").EnumerateArray());
            Assert.StartsWith(path, diagnostic.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        }
    }

    private static HttpRequestMessage NewPost(string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress");
        request.Headers.Add("X-Api-Key", TestServer.WriteKey);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    /// <summary>Content without a length, so that the client sends it chunked and only the server's reading can refuse it.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
