using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Sms;

/// <summary>
/// A 46elks-style SMS API: POST application/x-www-form-urlencoded fields <c>from</c>, <c>to</c> and <c>message</c> to
/// Sms:Http:Url with HTTP basic authentication. 2xx is sent (the JSON answer's "id" is kept); 400, 402, 403, 404 and
/// 422 mean the provider refuses this message for good; anything else (5xx, 429, a timeout, no connection) is retried.
/// </summary>
public sealed class HttpSmsTransport(IHttpClientFactory clients, IOptions<SmsOptions> options) : ISmsTransport
{
    public const string HttpClientName = "sms";

    public async Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var settings = options.Value.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new FormUrlEncodedContent(
            [
                new("from", sms.From),
                new("to", sms.To),
                new("message", sms.Text),
            ]),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMS provider did not answer within {settings.TimeoutSeconds} seconds.");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var excerpt = body.Length <= 300 ? body : body[..300];
            if (response.IsSuccessStatusCode)
            {
                return ProviderId(body);
            }
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden
                or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
            {
                throw new SmsRejectedException($"The SMS provider refused the message ({status}): {excerpt}");
            }
            throw new HttpRequestException($"The SMS provider answered {status}: {excerpt}", null, response.StatusCode);
        }
    }

    private static string? ProviderId(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? Truncate(id.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string value) => value.Length <= OutboxSms.ProviderIdMaxLength ? value : value[..OutboxSms.ProviderIdMaxLength];
}
