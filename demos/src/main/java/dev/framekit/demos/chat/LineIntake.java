package dev.framekit.demos.chat;

/**
 * What a member's reader does with each line it reads, whatever the transport (a framed stream,
 * a WebSocket): the first line joins the room (as {@code NAME} if it is {@code /nick NAME}),
 * flood control slows the reader past the limit (with one notice), and the room handles the rest.
 */
final class LineIntake {
    private final ChatRoom room;
    private final Member member;
    private final Arrival arrival;
    private final FloodControl flood;
    private boolean spoke;

    /**
     * Starts {@code member}'s arrival: it joins on its first line, or as a guest if it sends
     * nothing at all for {@link Arrival#GRACE}.
     */
    LineIntake(ChatRoom room, Member member, int floodLimit) {
        this.room = room;
        this.member = member;
        this.arrival = new Arrival(room, member);
        arrival.joinSilentAfter(Arrival.GRACE);
        this.flood = new FloodControl(floodLimit);
    }

    /** The member's arrival: to say part of a first frame came, or refuse it if the connection ends before it joined. */
    Arrival arrival() {
        return arrival;
    }

    /** Whether a line has been read. */
    boolean spoke() {
        return spoke;
    }

    /**
     * Takes one line.
     *
     * @return false after {@code /quit}: the room has finished the member
     */
    boolean take(String line) {
        if (!spoke) {
            spoke = true;
            if (arrival.join(ChatCommand.parse(line) instanceof ChatCommand.Nick nick ? nick.name() : null)) {
                return true;
            }
        }
        if (flood.acquireFirstWait()) {
            room.reply(member, flood.notice("your connection is"));
        }
        return room.handle(member, line);
    }
}
