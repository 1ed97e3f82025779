package dev.crmkit.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.UUID;

/** The anonymous visitor id every tracked call carries: a first-party cookie set on the first request. */
final class Visitors {
    static final String COOKIE = "crm_visitor";

    private Visitors() {
    }

    static String of(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            String known = Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                    .filter(v -> v.matches("[0-9a-f-]{36}")).findFirst().orElse(null);
            if (known != null) {
                return known;
            }
        }
        String id = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(cookie);
        return id;
    }
}
