using Microsoft.AspNetCore.Authorization;

namespace DocRag.Server.Security;

/// <summary>Met by a caller with a valid API key, or by anyone when no keys are configured (loopback only).</summary>
public sealed class ApiKeyRequirement : AuthorizationHandler<ApiKeyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = (context.Resource as HttpContext)?.RequestServices.GetService<ApiKeyStore>();
        var identity = context.User.Identity;
        if (keys is { HasKeys: false } || identity is { IsAuthenticated: true, AuthenticationType: ApiKeyDefaults.Scheme })
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
