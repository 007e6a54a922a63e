package dev.framekit.demos.http;

/** The status codes framekit's HTTP demo speaks, and their reason phrases. */
public final class Status {
    private Status() {}

    /** The reason phrase for {@code status}, e.g. "Not Found" for 404. */
    public static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    /** E.g. {@code 404 Not Found}. */
    public static String line(int status) {
        return status + " " + reason(status);
    }
}
