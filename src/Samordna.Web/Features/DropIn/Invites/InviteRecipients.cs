using Samordna.Web.Platform.Sms;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>Masked forms of the addresses invites go to, kept for the staff's list after the address is erased.</summary>
public static class InviteRecipients
{
    /// <summary>"e***@gmail.com": the first letter and the domain.</summary>
    public static string MaskEmail(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at < 1)
        {
            return "***";
        }
        return address[0] + "***" + address[at..];
    }

    public static string Mask(InviteDelivery delivery, string recipient) =>
        delivery == InviteDelivery.Sms ? SwedishMobileNumber.Mask(recipient) : MaskEmail(recipient);
}
