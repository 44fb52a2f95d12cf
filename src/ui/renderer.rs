//! Which of eframe's renderers draws the window: the one that measures fastest where painlog
//! runs, the other when the first cannot start, or the one a person asks for.

use std::fmt;

/// eframe's two renderers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// OpenGL (glow).
    Glow,
    /// wgpu (Vulkan, Metal, DirectX or OpenGL underneath).
    Wgpu,
}

/// The environment variable that chooses the renderer (as `--renderer` does).
pub const RENDERER_ENV: &str = "PAINLOG_RENDERER";

/// For tests of the fallback: the renderer named here fails to start, as on a machine without it.
pub const FAIL_RENDERER_ENV: &str = "PAINLOG_FAIL_RENDERER";

impl Renderer {
    /// Both, by their command-line names.
    pub const ALL: [Self; 2] = [Self::Glow, Self::Wgpu];

    /// The first tried when none is asked for.
    ///
    /// Linux: glow, measured here (Mesa's software renderer under Xvfb, `scripts/startup.sh`
    /// and `scripts/hover-frames.sh`): it starts faster, takes less memory, and draws the 20-year
    /// trend chart four times faster than wgpu. Mesa gives OpenGL to every Linux desktop, a GPU
    /// or none (llvmpipe), so glow can nearly always start; where it cannot (some Wayland set-ups
    /// report "glutin error: provided native window is not supported"), wgpu is tried next.
    ///
    /// Windows and macOS cannot be measured here, so the choice follows what eframe and its
    /// users report: wgpu, eframe's own default since 0.33 (emilk/egui#7615, #5889), on the
    /// system's native graphics (DirectX 12, Metal). On macOS OpenGL is deprecated and apps
    /// report crashes in glow's `NSOpenGLContext flushBuffer` after display sleep that wgpu on
    /// Metal avoids (dashpay/dash-evo-tool#662); on Windows the basic display driver and Remote
    /// Desktop offer only OpenGL 1.1, below the 2.0 glow needs (M-Igashi/mp3rgain#285), while
    /// DirectX 12 has the WARP software adapter everywhere (gfx-rs/wgpu#5294). The fallback
    /// covers the opposite cases (a driver wgpu finds no adapter on).
    pub fn preferred() -> Self {
        if cfg!(target_os = "linux") {
            Self::Glow
        } else {
            Self::Wgpu
        }
    }

    /// The one to fall back to.
    pub fn other(self) -> Self {
        match self {
            Self::Glow => Self::Wgpu,
            Self::Wgpu => Self::Glow,
        }
    }

    /// Its command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Glow => "glow",
            Self::Wgpu => "wgpu",
        }
    }

    /// The renderer named `text` ("glow" or "wgpu", any case).
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|renderer| renderer.name().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| format!("must be glow or wgpu, not \"{text}\""))
    }

    /// eframe's name for it.
    pub(super) fn for_eframe(self) -> eframe::Renderer {
        match self {
            Self::Glow => eframe::Renderer::Glow,
            Self::Wgpu => eframe::Renderer::Wgpu,
        }
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_refused_in_words() {
        for renderer in Renderer::ALL {
            assert_eq!(Renderer::parse(renderer.name()), Ok(renderer));
            assert_eq!(renderer.other().other(), renderer);
        }
        assert_eq!(Renderer::parse(" GLOW "), Ok(Renderer::Glow));
        assert_eq!(
            Renderer::parse("vulkan"),
            Err("must be glow or wgpu, not \"vulkan\"".to_owned())
        );
    }
}
