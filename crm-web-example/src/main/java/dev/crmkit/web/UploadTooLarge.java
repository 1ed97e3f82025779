package dev.crmkit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file bigger than {@code spring.servlet.multipart.max-file-size} is refused before any row is read. Advice, not
 * a controller's handler: the size is checked while the request is parsed, before a controller is chosen.
 */
@ControllerAdvice
class UploadTooLarge {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String refuse(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("error", "The file is larger than the 1 MB this page accepts; nothing was imported.");
        return "upload";
    }
}
