namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>English for the chat's Swedish texts (the room page and the hub's refusals).</summary>
public static class ChatEnglish
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        // Hub and service.
        [ChatService.NotMemberText] = "You are not a member of this meeting place.",
        [ChatService.StaffOnlyText] = "Only staff can do this.",
        [ChatService.TooFastText] = "You are sending too fast. Wait a moment.",
        ["Skriv något i meddelandet först."] = "Write something in the message first.",
        ["Meddelandet är för långt: {0} tecken. Det får vara högst {1} tecken."] = "The message is too long: {0} characters. It may be at most {1} characters.",
        ["Meddelandet saknar id. Ladda om sidan och försök igen."] = "The message has no id. Reload the page and try again.",
        ["Meddelandet finns inte."] = "The message does not exist.",
        ["Du kan bara redigera dina egna meddelanden."] = "You can only edit your own messages.",
        ["Meddelandet är borttaget och kan inte redigeras."] = "The message has been deleted and cannot be edited.",
        ["Du kan bara ta bort dina egna meddelanden."] = "You can only delete your own messages.",
        ["Välj om mötesplatsen ska öppnas, stängas eller följa öppettiderna."] = "Choose whether to open, close or follow the opening hours.",
        ["Tiden har redan passerat. Välj en senare tid eller lämna fältet tomt."] = "That time has already passed. Choose a later time or leave the field empty.",
        ["Kanalen finns inte, eller så är du inte medlem i dess mötesplats."] = "The channel does not exist, or you are not a member of its meeting place.",
        ["Den här kanalen är bara för personalen."] = "This channel is for staff only.",
        ["Du har inte tillgång till den här kanalen."] = "You do not have access to this channel.",
        ["Personalen har pausat dig. Du kan skriva igen {0}."] = "Staff have paused you. You can write again {0}.",
        ["Mötesplatsen är stängd just nu. Vi öppnar {0}."] = "The meeting place is closed right now. We open {0}.",
        ["Mötesplatsen är stängd just nu."] = "The meeting place is closed right now.",

        // The room page.
        ["Ingen åtkomst"] = "No access",
        ["Till mötesplatserna"] = "To the meeting places",
        ["Du är inte medlem i den här mötesplatsen. Personalen kan skicka en inbjudan till dig."] = "You are not a member of this meeting place. Staff can send you an invitation.",
        ["Mötesplatsen har inga kanaler som du kan läsa ännu."] = "The meeting place has no channels you can read yet.",
        ["Skriv tiden som tt:mm, till exempel 16:00."] = "Write the time as hh:mm, for example 16:00.",
        ["nämner dig"] = "mentions you",
        ["Öppna eller stäng mötesplatsen"] = "Open or close the meeting place",
        ["Till klockan (valfritt)"] = "Until (optional)",
        ["I dag, till exempel 16:00. Lämna tomt för tills vidare."] = "Today, for example 16:00. Leave empty for until further notice.",
        ["Öppna nu"] = "Open now",
        ["Stäng nu"] = "Close now",
        ["Följ öppettiderna"] = "Follow the opening hours",
        ["Kanaler"] = "Channels",
        ["personal"] = "staff",
        ["olästa"] = "unread",
        ["Meddelanden i"] = "Messages in",
        ["Visa äldre meddelanden"] = "Show older messages",
        ["Inga meddelanden här ännu."] = "No messages here yet.",
        ["Nya meddelanden"] = "New messages",
        ["Personal"] = "Staff",
        ["(redigerat)"] = "(edited)",
        ["Meddelandet är borttaget."] = "The message has been deleted.",
        ["Till de senaste meddelandena"] = "To the latest messages",
        ["Skriv i"] = "Write in",
        ["Enter skickar, Shift+Enter ger en ny rad."] = "Enter sends, Shift+Enter starts a new line.",
        ["Personalen har pausat dig en stund. Du kan läsa men inte skriva."] = "Staff have paused you for a while. You can read but not write.",
        ["Du kan läsa men inte skriva förrän vi öppnar."] = "You can read but not write until we open.",
        ["Skicka"] = "Send",
        ["Här nu"] = "Here now",
        ["Personal på plats:"] = "Staff here:",
        ["Ingen personal på plats just nu."] = "No staff here right now.",
    };
}
