using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Admin.Users;

[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class InviteModel(UserAdministration administration) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public string? RolesError => ModelState.TryGetValue("Input.Roles", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Fyll i namnet.")]
        [StringLength(100, ErrorMessage = "Namnet får vara högst 100 tecken.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Fyll i e-postadressen.")]
        [EmailAddress(ErrorMessage = "Skriv en giltig e-postadress, till exempel fornamn.efternamn@kommun.se.")]
        [StringLength(256, ErrorMessage = "E-postadressen är för lång.")]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }

    public void OnGet() => Input.Roles = [Roles.Staff];

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Välj minst en roll.");
        }
        if (ModelState.IsValid)
        {
            var result = await administration.InviteAsync(Input.Name, Input.Email, Input.Roles, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
            if (result.Succeeded)
            {
                TempData["Status"] = $"Inbjudan är skickad till {Input.Email.Trim()}.";
                return Redirect($"/admin/anvandare/{result.Id}");
            }
            ModelState.AddModelError(result.Field ?? "", result.Error!);
        }
        return this.Invalid();
    }
}
