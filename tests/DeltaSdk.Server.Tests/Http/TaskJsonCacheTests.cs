using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Data;
using DeltaSdk.Server.Http;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests.Http;

public sealed class TaskJsonCacheTests
{
    [Fact]
    public void An_assembled_page_is_byte_for_byte_what_the_serializer_writes()
    {
        // The embedded dataset: Chinese text, sources with URLs, notes; the synthetic plan: region groups and tags.
        var tasks = YangtzeRiverDelta.ActionPlan2024To2026.AllTasks.Take(20).Concat(SyntheticPlanData.Plan(10).AllTasks).ToList();
        foreach (var token in new[] { null, "abc_-123" })
        {
            var (body, _) = TaskJsonCache.WritePage(tasks, token);
            var expected = JsonSerializer.SerializeToUtf8Bytes(new Page<KeyTask> { Items = [.. tasks], NextPageToken = token }, ServerJson.Options);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(body));
        }
    }

    [Fact]
    public void The_page_etag_follows_the_content_and_the_token()
    {
        var tasks = SyntheticPlanData.Plan(10).AllTasks.ToList();
        var (_, etag) = TaskJsonCache.WritePage(tasks, null);
        Assert.Equal(etag, TaskJsonCache.WritePage([.. tasks.Select(static t => t with { })], null).ETag);
        Assert.NotEqual(etag, TaskJsonCache.WritePage(tasks, "next").ETag);
        Assert.NotEqual(etag, TaskJsonCache.WritePage(tasks.Skip(1).ToList(), null).ETag);
        Assert.NotEqual(etag, TaskJsonCache.WritePage([tasks[0] with { Notes = "changed" }, .. tasks.Skip(1)], null).ETag);
        Assert.NotEqual(etag, TaskJsonCache.WritePage([tasks[1], tasks[0], .. tasks.Skip(2)], null).ETag);
    }
}
