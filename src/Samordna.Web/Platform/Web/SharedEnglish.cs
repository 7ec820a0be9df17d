namespace Samordna.Web.Platform.Web;

/// <summary>English for the layout, the account pages and other shared texts.</summary>
public static class SharedEnglish
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["Hoppa till innehållet"] = "Skip to content",
        ["Huvudmeny"] = "Main menu",
        ["Meny"] = "Menu",
        ["Start"] = "Home",
        ["Nyheter"] = "News",
        ["Kalender"] = "Events",
        ["Mötesplats"] = "Meeting place",
        ["Om förbundet"] = "About us",
        ["Kontakt"] = "Contact",
        ["Logga in"] = "Sign in",
        ["Logga ut"] = "Sign out",
        ["Mitt konto"] = "My account",
        ["Administration"] = "Administration",
        ["Redaktion"] = "Editorial",
        ["Personuppgifter"] = "Privacy",
        ["Tillgänglighet"] = "Accessibility",
        ["Cookies"] = "Cookies",
        ["Språk"] = "Language",
        ["Byt språk"] = "Change language",
        ["In English"] = "In English",
        ["På svenska"] = "På svenska",
        ["Sidfot"] = "Footer",
        ["E-post"] = "E-mail",
        ["Lösenord"] = "Password",
        ["Kom ihåg mig på den här enheten"] = "Remember me on this device",
        ["Glömt lösenordet?"] = "Forgot your password?",
        ["Spara"] = "Save",
        ["Avbryt"] = "Cancel",
        ["Sidan finns inte"] = "Page not found",
        ["Något gick fel"] = "Something went wrong",
        ["Till startsidan"] = "Back to the start page",
        ["Våra medlemmar"] = "Our members",
        ["Nyheter som flöde (Atom)"] = "News feed (Atom)",
        ["Förbundet är ett samarbete enligt lagen om finansiell samordning (Finsam) mellan:"] = "The association is a partnership under the Swedish Act on Financial Coordination (Finsam) between:",
        ["Läs mer om förbundet"] = "Read more about the association",
    };
}
