using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.News;

namespace Samordna.Tests.Features.News;

/// <summary>Images are recognised by their content and size, kept with the draft, and served safely.</summary>
public sealed class NewsImageTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static Dictionary<string, string> Draft(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Ingress"] = "Ingressen ska finnas kvar.",
        ["Input.Body"] = "Brödtexten ska också finnas kvar.",
        ["Input.ImageAlt"] = "Två personer vid en dator",
    };

    [Fact]
    public async Task A_text_file_renamed_to_png_is_refused_and_the_draft_is_kept()
    {
        var editor = await factory.SignInAsEditorAsync();
        var text = "Det här är ingen bild, bara text."u8.ToArray();
        using var response = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", Draft("Bild som inte är en bild"), "save",
            ("Upload", "bild.png", "image/png", text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        Assert.Contains("inte en bild i formatet PNG, JPEG eller WebP", document.QuerySelector("#upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#upload")!.GetAttribute("aria-invalid"));
        Assert.Equal("Bild som inte är en bild", document.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("Ingressen ska finnas kvar.", document.QuerySelector("#ingress")!.TextContent);
        Assert.Equal("Brödtexten ska också finnas kvar.", document.QuerySelector("#body")!.TextContent);
        Assert.Equal("Två personer vid en dator", document.QuerySelector("#image-alt")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Set<NewsImage>().AnyAsync(i => i.OriginalFileName == "bild.png")));
        Assert.False(await factory.WithDbAsync(db => db.Set<NewsArticle>().AnyAsync(a => a.Title == "Bild som inte är en bild")));
    }

    [Fact]
    public async Task An_image_over_5_MB_is_refused_with_a_message_and_the_draft_is_kept()
    {
        var editor = await factory.SignInAsEditorAsync();
        var big = new byte[(5 * 1024 * 1024) + 1];
        NewsTestData.Png.CopyTo(big, 0); // A real PNG header: only the size is wrong.
        using var response = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", Draft("För stor bild"), "save",
            ("Upload", "stor.png", "image/png", big));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        Assert.Contains("högst 5 MB", document.QuerySelector("#upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("För stor bild", document.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("Brödtexten ska också finnas kvar.", document.QuerySelector("#body")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Set<NewsImage>().AnyAsync(i => i.Length > NewsImageStore.MaxBytes)));
    }

    [Fact]
    public async Task A_png_named_as_text_is_accepted_by_its_content_and_public_only_once_published()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 2, 3));
        var editor = await factory.SignInAsEditorAsync();
        using var saved = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", Draft("Med bild"), "save",
            ("Upload", "anteckning.txt", "text/plain", NewsTestData.Png));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var article = await factory.WithDbAsync(db => db.Set<NewsArticle>().Include(a => a.Image).SingleAsync(a => a.Title == "Med bild"));
        Assert.Equal("image/png", article.Image!.ContentType);
        Assert.Equal("Två personer vid en dator", article.ImageAlt);
        var imageUrl = NewsUrls.Image(article.ImageId!.Value);

        // A draft's image: editors see it, the public does not.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetPathAsync(imageUrl)).StatusCode);
        using (var forEditor = await editor.GetPathAsync(imageUrl))
        {
            Assert.Equal(HttpStatusCode.OK, forEditor.StatusCode);
            Assert.Contains("no-store", forEditor.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitMultipartAsync(saved.Headers.Location!.OriginalString, [], "publish")).StatusCode);
        using var image = await factory.CreateBrowserClient().GetPathAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", string.Join("", image.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(NewsTestData.Png, await image.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        var page = await (await factory.CreateBrowserClient().GetPathAsync($"/nyheter/2026/02/{article.Slug}")).BodyAsync();
        var img = Forms.Parse(page).QuerySelector(".news-image img")!;
        Assert.Equal("Två personer vid en dator", img.GetAttribute("alt"));
        Assert.Contains("<meta property=\"og:image\" content=\"http://localhost" + imageUrl + "\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_alt_text_is_kept_in_the_form_until_the_alt_text_is_written()
    {
        var editor = await factory.SignInAsEditorAsync();
        var fields = Draft("Bild utan alt-text");
        fields["Input.ImageAlt"] = "";
        using var first = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", fields, "save",
            ("Upload", "foto.png", "image/png", NewsTestData.Png));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var document = Forms.Parse(await first.BodyAsync());
        Assert.Contains("alternativtext", document.QuerySelector("#image-alt-error")!.TextContent, StringComparison.Ordinal);
        var keptImage = document.QuerySelector("input[name='Input.ImageId']")!.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(keptImage));

        var fixedFields = Forms.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form[method=post]")!)
            .Where(f => f.Key != "Input.ImageAlt").Append(new("Input.ImageAlt", "Ett foto")).Append(new("command", "save"));
        using var content = new FormUrlEncodedContent(fixedFields);
        using var second = await editor.PostAsync(new Uri("/redaktion/nyheter/ny", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var article = await factory.WithDbAsync(db => db.Set<NewsArticle>().SingleAsync(a => a.Title == "Bild utan alt-text"));
        Assert.Equal(Guid.Parse(keptImage!), article.ImageId);
        Assert.Equal("Ett foto", article.ImageAlt);
    }

    [Fact]
    public async Task A_replaced_or_removed_image_is_deleted_from_storage()
    {
        var editor = await factory.SignInAsEditorAsync();
        using var created = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", Draft("Byter bild"), "save",
            ("Upload", "forsta.png", "image/png", NewsTestData.Png));
        var editUrl = created.Headers.Location!.OriginalString;
        var first = await factory.WithDbAsync(db => db.Set<NewsArticle>().Where(a => a.Title == "Byter bild").Select(a => a.ImageId!.Value).SingleAsync());
        var store = await factory.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<NewsImageStore>()));
        Assert.True(File.Exists(store.PathOf(first)));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitMultipartAsync(editUrl, [], "save",
            ("Upload", "andra.png", "image/png", NewsTestData.Png))).StatusCode);
        var second = await factory.WithDbAsync(db => db.Set<NewsArticle>().Where(a => a.Title == "Byter bild").Select(a => a.ImageId!.Value).SingleAsync());
        Assert.NotEqual(first, second);
        Assert.False(File.Exists(store.PathOf(first)));
        Assert.False(await factory.WithDbAsync(db => db.Set<NewsImage>().AnyAsync(i => i.Id == first)));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitMultipartAsync(editUrl, new() { ["Input.RemoveImage"] = "true" }, "save")).StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Set<NewsArticle>().Where(a => a.Title == "Byter bild").Select(a => a.ImageId).SingleAsync()));
        Assert.False(File.Exists(store.PathOf(second)));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0 }, null)] // GIF
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x20, 0x78, 0x6D, 0x6C, 0x6E, 0x73, 0x3D, 0x22 }, null)] // <svg xmlns="
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, null)] // RIFF WAVE
    public void Images_are_recognised_by_their_magic_bytes(byte[] header, string? expected) =>
        Assert.Equal(expected, NewsImageStore.Sniff(header));
}
