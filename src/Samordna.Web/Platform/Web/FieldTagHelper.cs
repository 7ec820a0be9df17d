using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// <c>&lt;field for="Input.Email" label="E-post" type="email" autocomplete="email" /&gt;</c> renders a label, an
/// optional hint, the field's error and the input, tied together with for/id, aria-describedby and aria-invalid, and
/// with the value the person typed (never for passwords). One place for accessible form fields.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>text, email, password, tel, url, number, date, datetime-local, textarea, checkbox.</summary>
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public int Rows { get; set; } = 8;
    public bool Required { get; set; }
    public string? Inputmode { get; set; }
    public int? Maxlength { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var invalid = state?.ValidationState == ModelValidationState.Invalid;
        var value = state?.AttemptedValue ?? Convert.ToString(For.Model, CultureInfo.CurrentCulture) ?? "";
        var describedBy = new List<string>();
        var enc = encoder;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "field field-checkbox" : "field");

        var html = new System.Text.StringBuilder();
        if (Type == "checkbox")
        {
            var isChecked = For.Model is true || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            if (!string.IsNullOrEmpty(Hint))
            {
                describedBy.Add(id + "-hint");
            }
            if (errors.Count > 0)
            {
                describedBy.Add(id + "-error");
                html.Append(Error(id, errors, enc));
            }
            html.Append("<label class=\"checkbox\" for=\"").Append(id).Append("\">")
                .Append("<input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"").Append(enc.Encode(name)).Append("\" value=\"true\"")
                .Append(isChecked ? " checked" : "")
                .Append(describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
                .Append(invalid ? " aria-invalid=\"true\"" : "")
                .Append(Required ? " required" : "")
                .Append("><span>").Append(enc.Encode(Label)).Append("</span></label>")
                .Append("<input type=\"hidden\" name=\"").Append(enc.Encode(name)).Append("\" value=\"false\">");
            if (!string.IsNullOrEmpty(Hint))
            {
                html.Append("<span class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(enc.Encode(Hint)).Append("</span>");
            }
            output.Content.SetHtmlContent(html.ToString());
            return;
        }

        html.Append("<label for=\"").Append(id).Append("\">").Append(enc.Encode(Label)).Append("</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add(id + "-hint");
            html.Append("<span class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(enc.Encode(Hint)).Append("</span>");
        }
        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
            html.Append(Error(id, errors, enc));
        }
        var common = new System.Text.StringBuilder();
        common.Append(" id=\"").Append(id).Append("\" name=\"").Append(enc.Encode(name)).Append('"');
        if (describedBy.Count > 0)
        {
            common.Append(" aria-describedby=\"").Append(string.Join(' ', describedBy)).Append('"');
        }
        if (invalid)
        {
            common.Append(" aria-invalid=\"true\"");
        }
        if (Required)
        {
            common.Append(" required");
        }
        if (!string.IsNullOrEmpty(Autocomplete))
        {
            common.Append(" autocomplete=\"").Append(enc.Encode(Autocomplete)).Append('"');
        }
        if (!string.IsNullOrEmpty(Inputmode))
        {
            common.Append(" inputmode=\"").Append(enc.Encode(Inputmode)).Append('"');
        }
        if (Maxlength is int max)
        {
            common.Append(" maxlength=\"").Append(max.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        if (Type == "textarea")
        {
            html.Append("<textarea").Append(common).Append(" rows=\"").Append(Rows.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(enc.Encode(value)).Append("</textarea>");
        }
        else
        {
            html.Append("<input type=\"").Append(enc.Encode(Type)).Append('"').Append(common);
            if (Type != "password")
            {
                html.Append(" value=\"").Append(enc.Encode(value)).Append('"');
            }
            html.Append('>');
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string Error(string id, List<string> errors, HtmlEncoder enc) =>
        $"<span class=\"field-error\" id=\"{id}-error\">{string.Join(" ", errors.Select(e => enc.Encode(e)))}</span>";
}
