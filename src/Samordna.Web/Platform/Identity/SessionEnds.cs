namespace Samordna.Web.Platform.Identity;

/// <summary>
/// Hears when sign-in sessions end. Page requests check the session row on every request, but a long-lived
/// connection (the drop-in's chat) is authenticated once, at its handshake, so it must be told.
/// </summary>
public interface ISessionEndListener
{
    /// <param name="userId">Whose sessions ended.</param>
    /// <param name="sessionId">The one session that ended, or null when all of the person's sessions ended.</param>
    void SessionsEnded(Guid userId, Guid? sessionId);
}

/// <summary>Tells every <see cref="ISessionEndListener"/>; call it after the change that ended the sessions is saved.</summary>
public sealed class SessionEnds(IEnumerable<ISessionEndListener> listeners)
{
    public void Ended(Guid userId, Guid? sessionId = null)
    {
        foreach (var listener in listeners)
        {
            listener.SessionsEnded(userId, sessionId);
        }
    }
}
