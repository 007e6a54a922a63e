package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffersTest {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private final Offers<String> offers = new Offers<>(Duration.ofMinutes(2), 1_000_000);

    @Test
    void anAcceptedOfferIsTakenOnce() throws Offers.Refused {
        Offers.Offer<String> offer = offers.offer("alice", 1, "bob", "a.pdf", 10, 0);
        assertEquals(offer, offers.answer("bob", offer.id()));
        assertThrows(Offers.Refused.class, () -> offers.answer("bob", offer.id()));
    }

    @Test
    void onlyTheReceiverCanAnswer() throws Offers.Refused {
        Offers.Offer<String> offer = offers.offer("alice", 1, "bob", "a.pdf", 10, 0);
        assertThrows(Offers.Refused.class, () -> offers.answer("alice", offer.id()));
        assertThrows(Offers.Refused.class, () -> offers.answer("carol", null));
        assertEquals(offer, offers.answer("bob", null));
    }

    @Test
    void anAnswerWithoutANumberTakesTheLatestOffer() throws Offers.Refused {
        offers.offer("alice", 1, "bob", "old.pdf", 10, 0);
        offers.offer("carol", 1, "bob", "new.pdf", 10, 0);
        assertEquals("new.pdf", offers.answer("bob", null).fileName());
        assertEquals("old.pdf", offers.answer("bob", null).fileName());
    }

    @Test
    void anOfferExpiresAfterItsTime() throws Offers.Refused {
        Offers.Offer<String> offer = offers.offer("alice", 1, "bob", "a.pdf", 10, 0);
        assertEquals(List.of(), offers.expire(MINUTE));
        assertEquals(List.of(offer), offers.expire(2 * MINUTE));
        Offers.Refused refused = assertThrows(Offers.Refused.class, () -> offers.answer("bob", offer.id()));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    }

    @Test
    void aFileOverTheLimitIsNotOffered() {
        Offers.Refused refused = assertThrows(Offers.Refused.class,
                () -> offers.offer("alice", 1, "bob", "big.iso", 1_000_001, 0));
        assertTrue(refused.getMessage().contains("--max-file"), refused.getMessage());
    }

    @Test
    void aMemberCannotBeFloodedWithOffers() throws Offers.Refused {
        for (int i = 0; i < Offers.MAX_WAITING; i++) {
            offers.offer("sender" + i, 1, "bob", "f" + i, 1, 0);
        }
        Offers.Refused refused = assertThrows(Offers.Refused.class, () -> offers.offer("mallory", 1, "bob", "x", 1, 0));
        assertTrue(refused.getMessage().contains("the receiver has 3 offers waiting"), refused.getMessage());
        offers.answer("bob", null);
        offers.offer("mallory", 1, "bob", "x", 1, 0); // room again once one is answered
    }

    @Test
    void aMemberCannotFloodOthersWithOffers() throws Offers.Refused {
        for (int i = 0; i < Offers.MAX_WAITING; i++) {
            offers.offer("mallory", i, "member" + i, "f", 1, 0);
        }
        Offers.Refused refused = assertThrows(Offers.Refused.class, () -> offers.offer("mallory", 9, "bob", "x", 1, 0));
        assertTrue(refused.getMessage().contains("you have 3 offers waiting"), refused.getMessage());
        offers.expire(3 * MINUTE);
        offers.offer("mallory", 9, "bob", "x", 1, 3 * MINUTE); // room again once they expired
    }

    @Test
    void aSendersNumberIsUsedOnceAtATime() throws Offers.Refused {
        offers.offer("alice", 7, "bob", "a", 1, 0);
        assertThrows(Offers.Refused.class, () -> offers.offer("alice", 7, "carol", "b", 1, 0));
        offers.offer("carol", 7, "bob", "c", 1, 0);
    }

    @Test
    void aMemberThatLeavesTakesItsOffersBothWays() throws Offers.Refused {
        Offers.Offer<String> sent = offers.offer("alice", 1, "bob", "a", 1, 0);
        Offers.Offer<String> received = offers.offer("carol", 1, "alice", "c", 1, 0);
        Offers.Offer<String> other = offers.offer("carol", 2, "bob", "d", 1, 0);
        assertEquals(List.of(sent, received), offers.left("alice"));
        assertEquals(other, offers.answer("bob", null));
    }
}
