namespace DeltaSdk.Server.Http;

/// <summary>The machine-readable error codes of the API, their titles and their problem type URIs.</summary>
internal static class ProblemCodes
{
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PreconditionFailed = "precondition_failed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string ValidationFailed = "validation_failed";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string PreconditionRequired = "precondition_required";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>Where the codes are documented; each code is an anchor there.</summary>
    public const string TypeBase = "https://github.com/deltasdk/deltasdk/blob/main/docs/articles/plan-server.md#";

    public static string Type(string code) => TypeBase + code.Replace('_', '-');

    public static string Title(string code) => code switch
    {
        BadRequest => "The request is malformed.",
        Unauthorized => "An API key is required.",
        Forbidden => "The API key may not do this.",
        NotFound => "The resource does not exist.",
        MethodNotAllowed => "The method is not allowed on this resource.",
        Conflict => "The request conflicts with the resource's state.",
        PreconditionFailed => "The resource has changed since it was read.",
        PayloadTooLarge => "The request body is too large.",
        UnsupportedMediaType => "The request body must be JSON.",
        ValidationFailed => "The request body is not valid.",
        IdempotencyKeyReused => "The idempotency key was used with a different request.",
        PreconditionRequired => "The request must be conditional.",
        ServiceUnavailable => "The service is unavailable.",
        _ => "The server failed to handle the request.",
    };

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        412 => PreconditionFailed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => ValidationFailed,
        428 => PreconditionRequired,
        503 => ServiceUnavailable,
        _ when status < 500 => BadRequest,
        _ => InternalError,
    };
}
