using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Samordna.Web.Features.Account;
using Samordna.Web.Features.DropIn.Guidance;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// HoppetOnline: HOPPET's digital drop-in in Upplands Väsby (it began on Discord in March 2020, when the premises
/// closed), with its channels, the influence council, opening hours, staff (Tina the coordinator, Maria) and a few
/// young people with conversations from the past days.
/// </summary>
internal sealed class DropInDemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time, DemoNotes notes) : IDemoSeeder
{
    public const string SpaceSlug = "hoppetonline";

    /// <summary>Young demo participants beside "nova" (created by the account seeder), with their birth years.</summary>
    public static readonly (string Pseudonym, int BirthYear)[] Participants =
    [
        ("nova", 2005),
        ("sol", 2007),
        ("kiwi", 2003),
        ("ruben", 2001),
        ("leo", 2008),
    ];

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var space = new Space
        {
            Slug = SpaceSlug,
            Name = "HoppetOnline",
            Description = "HOPPETs digitala drop-in för dig som är 16–29 år. Här kan du prata med andra unga och med oss som jobbar på Hoppet – om allt från spel och serier till jobb, studier och kontakter med myndigheter.",
            HouseRules = """
                Välkommen till HoppetOnline! Här gäller samma sak som på Hoppet i Upplands Väsby:

                1. **Var schysst.** Inga kränkningar, hot eller hat – mot någon.
                2. **Dela inte personliga uppgifter** om dig själv eller andra: inga personnummer, adresser eller telefonnummer i kanalerna.
                3. **Det du skriver här sparas** och kan läsas av personalen. Vill du prata enskilt? Skriv till personalen i samhällsvägledningen.
                4. **Personalen modererar.** Vi kan ta bort meddelanden och stänga av den som bryter mot reglerna.
                5. **Mår du dåligt akut?** Ring 112. Vill du prata med någon dygnet runt: Mind Självmordslinjen 90101.
                """,
            PhysicalDropIn = "Drop-in på Hoppet: tisdag och torsdag kl. 10.00–15.00. Ingen anmälan, fika finns.",
            PhysicalAddress = "Runbyvägen 11, Upplands Väsby",
            CreatedAt = now.AddDays(-400),
            UpdatedAt = now.AddDays(-2),
            Version = Guid.NewGuid(),
        };
        space.OpeningHours.Add(Rule(DayOfWeek.Monday, 17, 19));
        space.OpeningHours.Add(Rule(DayOfWeek.Tuesday, 13, 16));
        space.OpeningHours.Add(Rule(DayOfWeek.Wednesday, 13, 16));
        space.OpeningHours.Add(Rule(DayOfWeek.Thursday, 13, 16));
        var today = DateOnly.FromDateTime(now.ToStockholm().DateTime);
        space.SpecialDays.Add(new SpecialDay
        {
            Date = NextWeekday(today.AddDays(10), DayOfWeek.Wednesday),
            Closed = true,
            Note = "Personalen på utbildning",
        });
        db.Add(space);

        var council = new MemberGroup { Name = "Inflytanderådet" };
        var channels = new[]
        {
            new Channel { Slug = "allmant", Name = "allmänt", Topic = "Säg hej, prata om dagen och ställ frågor till alla.", Access = ChannelAccess.AllMembers, SortOrder = 1 },
            new Channel { Slug = "spel", Name = "spel", Topic = "Spel, streams och spelkvällar.", Access = ChannelAccess.AllMembers, SortOrder = 2 },
            new Channel { Slug = "tips", Name = "tips", Topic = "Tips om jobb, praktik, studier och kul saker i Upplands Väsby.", Access = ChannelAccess.AllMembers, SortOrder = 3 },
            new Channel { Slug = "inflytanderadet", Name = "inflytanderådet", Topic = "Rådet föreslår och röstar om vad Hoppet ska göra.", Access = ChannelAccess.Group, SortOrder = 4 },
            new Channel { Slug = "personalrummet", Name = "personalrummet", Topic = "Bara för personalen: överlämningar och planering.", Access = ChannelAccess.Staff, SortOrder = 5 },
        };
        foreach (var channel in channels)
        {
            channel.CreatedAt = space.CreatedAt;
            space.Channels.Add(channel);
        }
        await db.SaveChangesAsync(cancellationToken);
        council.SpaceId = space.Id;
        db.Add(council);

        var members = new Dictionary<string, SpaceMember>(StringComparer.Ordinal);
        foreach (var (email, name) in new[] { ("tina.claesson@demo.samordna.se", "Tina"), ("maria.anger@demo.samordna.se", "Maria") })
        {
            var staff = await users.FindByNameAsync(email) ?? throw new InvalidOperationException("Demo staff missing: " + email);
            members[name] = Member(space, staff.Id, name, SpaceRole.Staff, null, now.AddDays(-400));
        }
        foreach (var (pseudonym, birthYear) in Participants)
        {
            var user = await users.FindByNameAsync(pseudonym);
            if (user is null)
            {
                user = new AppUser { UserName = pseudonym, DisplayName = pseudonym, CreatedAt = now.AddDays(-120) };
                Check(await users.CreateAsync(user, DemoAccounts.Password));
                Check(await users.AddToRoleAsync(user, Roles.Participant));
            }
            members[pseudonym] = Member(space, user.Id, pseudonym, SpaceRole.Member, birthYear, now.AddDays(-120 + members.Count * 9));
        }
        db.AddRange(members.Values);
        await db.SaveChangesAsync(cancellationToken);

        council.Members.Add(new MemberGroupMembership { MemberId = members["nova"].Id });
        council.Members.Add(new MemberGroupMembership { MemberId = members["kiwi"].Id });
        council.Members.Add(new MemberGroupMembership { MemberId = members["ruben"].Id });
        await db.SaveChangesAsync(cancellationToken);
        channels[3].GroupId = council.Id;

        // Leo asked about CSN in #allmänt and was pointed to civic guidance: his private thread with the staff.
        var leoThread = GuidanceService.NewThread(members["leo"], now.AddDays(-1));
        db.Add(leoThread);
        await db.SaveChangesAsync(cancellationToken);

        // Conversations from the last opening days, at Stockholm wall-clock times.
        var day2 = today.AddDays(-2);
        var day1 = today.AddDays(-1);
        Conversation(channels[0], members, now,
        [
            (day2, "13:02", "Tina", "Hej allihop, nu är HoppetOnline öppet! Jag och Maria finns här till kl. 16 😊"),
            (day2, "13:05", "sol", "hej! första gången här, fick inbjudan av Maria"),
            (day2, "13:06", "Maria", "Välkommen @sol! Skönt att du hittade hit. Kika gärna i #tips också."),
            (day2, "13:10", "kiwi", "tjena sol 👋"),
            (day2, "13:41", "nova", "någon mer som ska på fikat på torsdag på Runbyvägen?"),
            (day2, "13:43", "ruben", "kanske, beror på om jag orkar. men gärna"),
            (day2, "13:44", "Tina", "Det blir kanelbullar 🙂 Ingen anmälan, kom när du vill mellan 10 och 15."),
            (day1, "13:01", "Maria", "God eftermiddag! Öppet till 16 idag."),
            (day1, "13:20", "leo", "hur gör man om man vill prata med någon om CSN? typ privat"),
            (day1, "13:22", "Tina", "Hej @leo! Skriv till mig så tar vi det i samhällsvägledningen, där ser bara personalen vad du skriver."),
            (day1, "13:23", "leo", "okej tack"),
        ]);
        Conversation(channels[1], members, now,
        [
            (day2, "14:15", "kiwi", "spelkväll på fredag? jag kan hosta"),
            (day2, "14:16", "nova", "jaaa, vilket spel?"),
            (day2, "14:18", "kiwi", "Among Us eller Jackbox, rösta med 👍 eller 🎉"),
            (day2, "14:20", "ruben", "👍"),
            (day1, "15:02", "Maria", "Påminnelse: spelkvällen är utanför öppettiderna, så personalen är inte med då. Schyssta regler gäller ändå!"),
        ]);
        Conversation(channels[2], members, now,
        [
            (day2, "13:30", "Maria", "Arbetsförmedlingen har öppet hus för unga på torsdag kl. 13 i Väsby centrum. Säg till om du vill ha sällskap dit!"),
            (day2, "13:35", "ruben", "har någon gjort praktik på biblioteket? hur var det"),
            (day2, "13:38", "kiwi", "ja! lugnt och trevligt folk, rekommenderar"),
            (day1, "14:05", "Tina", "Sommarjobb för unga 16–19 år: ansökan öppnar i februari. Vi hjälper dig gärna med CV:t här på Hoppet."),
        ]);
        Conversation(channels[3], members, now,
        [
            (day2, "15:00", "Tina", "Rådet: vi har 5 000 kr kvar i år. Förslag på vad pengarna ska gå till?"),
            (day2, "15:04", "nova", "en filmkväll med pizza på Hoppet?"),
            (day2, "15:06", "ruben", "eller en utflykt, typ bowling"),
            (day2, "15:10", "kiwi", "bowling + pizza 🎳🍕"),
            (day1, "15:30", "Tina", "Bra förslag! Vi röstar på tisdag när alla är med."),
        ]);
        Conversation(channels[4], members, now,
        [
            (day2, "16:05", "Tina", "Överlämning: sol är ny, fick inbjudan i måndags. leo vill ha hjälp med CSN – jag tar det."),
            (day1, "16:02", "Maria", "Lugn eftermiddag. Påminn gärna om fikat på torsdag i #allmänt."),
        ]);
        Conversation(leoThread, members, now,
        [
            (day1, "13:26", "leo", "hej, jag har fått ett brev från CSN om att jag ska betala tillbaka studiemedel. jag fattar inte varför"),
            (day1, "13:29", "Tina", "Hej leo! Bra att du skriver. Det brukar hända om man har läst färre veckor än man fått pengar för. Står det vilken termin det gäller?"),
            (day1, "13:33", "leo", "vt 2025. jag hoppade av i mars"),
            (day1, "13:36", "Tina", "Då är det troligen därför. Du kan logga in på Mina sidor hos CSN och se beslutet. Vill du kan vi titta på det tillsammans på Hoppet på torsdag, ta med brevet så hjälper jag dig att skriva till dem."),
            (day1, "13:37", "leo", "okej, jag kommer på torsdag 👍"),
        ]);
        await db.SaveChangesAsync(cancellationToken);

        // Nova has read #allmänt up to the second day; the rest of her channels show as unread.
        var novaRead = db.Set<ChatMessage>().Local.Where(m => m.ChannelId == channels[0].Id).OrderBy(m => m.Sequence).Take(7).Select(m => m.Sequence).DefaultIfEmpty().Max();
        db.Add(new ChannelReadState { MemberId = members["nova"].Id, ChannelId = channels[0].Id, LastReadSequence = novaRead });
        foreach (var staff in new[] { members["Tina"], members["Maria"] })
        {
            foreach (var channel in channels.Append(leoThread))
            {
                db.Add(new ChannelReadState { MemberId = staff.Id, ChannelId = channel.Id, LastReadSequence = channel.LastSequence });
            }
        }

        // Invites the staff sent: one used (its address already erased), one waiting, one that expired.
        var tina = members["Tina"];
        db.AddRange(
            DemoInvite(space, tina, InviteDelivery.Sms, null, "+46 70-*** **12", now.AddDays(-5), usedBy: members["sol"]),
            DemoInvite(space, tina, InviteDelivery.Sms, "+46701234588", "+46 70-*** **88", now.AddDays(-1), usedBy: null),
            DemoInvite(space, members["Maria"], InviteDelivery.Email, null, "a***@example.se", now.AddDays(-20), usedBy: null));
        await db.SaveChangesAsync(cancellationToken);

        notes.Add("""
             Digital drop-in: /motesplats/hoppetonline
               Personal: tina.claesson@demo.samordna.se (Tina)
               Unga:     nova, sol, kiwi, ruben, leo (samma lösenord)
            """);
    }

    private static OpeningHoursRule Rule(DayOfWeek day, int opens, int closes) =>
        new() { Day = day, Opens = new TimeOnly(opens, 0), Closes = new TimeOnly(closes, 0) };

    private static DateOnly NextWeekday(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private static SpaceMember Member(Space space, Guid userId, string name, SpaceRole role, int? birthYear, DateTimeOffset joinedAt) => new()
    {
        SpaceId = space.Id,
        UserId = userId,
        DisplayName = name,
        NormalizedDisplayName = SpaceMember.Normalize(name),
        Role = role,
        BirthYear = birthYear,
        JoinedAt = joinedAt,
        RulesAcceptedAt = joinedAt,
    };

    private void Conversation(Channel channel, Dictionary<string, SpaceMember> members, DateTimeOffset now, (DateOnly Day, string Time, string Author, string Text)[] lines)
    {
        foreach (var (day, clock, author, text) in lines)
        {
            var sentAt = StockholmTime.FromStockholm(day.ToDateTime(TimeOnly.Parse(clock, StockholmTime.Swedish)));
            if (sentAt > now)
            {
                continue;
            }
            channel.LastSequence++;
            db.Add(new ChatMessage
            {
                ChannelId = channel.Id,
                Sequence = channel.LastSequence,
                AuthorId = members[author].Id,
                ClientMessageId = Guid.NewGuid(),
                Text = text,
                SentAt = sentAt,
            });
        }
    }

    private static Invite DemoInvite(Space space, SpaceMember from, InviteDelivery delivery, string? recipient, string hint, DateTimeOffset sentAt, SpaceMember? usedBy) => new()
    {
        SpaceId = space.Id,
        TokenHash = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(32))),
        Delivery = delivery,
        Recipient = recipient,
        RecipientHint = hint,
        CreatedByUserId = from.UserId,
        CreatedByName = from.DisplayName,
        CreatedAt = sentAt,
        ExpiresAt = sentAt.AddDays(Invite.DefaultValidDays),
        UsedAt = usedBy is null ? null : sentAt.AddHours(3),
        UsedByMemberId = usedBy?.Id,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo participant could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
