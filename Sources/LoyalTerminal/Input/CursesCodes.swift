import CNcursesw

/// The ncurses key codes and mouse masks the decoders understand, taken from
/// the C headers so they cannot drift. Public so that tests (and anything
/// else that wants to simulate `wget_wch`) need not import ncurses.
public enum CursesKeyCode {
    public static let up = Int32(KEY_UP)
    public static let down = Int32(KEY_DOWN)
    public static let left = Int32(KEY_LEFT)
    public static let right = Int32(KEY_RIGHT)
    public static let home = Int32(KEY_HOME)
    public static let end = Int32(KEY_END)
    public static let pageUp = Int32(KEY_PPAGE)
    public static let pageDown = Int32(KEY_NPAGE)
    public static let insert = Int32(KEY_IC)
    public static let delete = Int32(KEY_DC)
    public static let backspace = Int32(KEY_BACKSPACE)
    public static let enter = Int32(KEY_ENTER)
    public static let backTab = Int32(KEY_BTAB)
    public static let resize = Int32(KEY_RESIZE)
    public static let mouse = Int32(KEY_MOUSE)
    // Keypad corners, sent by some terminals for Home/End/PgUp/PgDn.
    public static let keypadUpperLeft = Int32(KEY_A1)
    public static let keypadUpperRight = Int32(KEY_A3)
    public static let keypadLowerLeft = Int32(KEY_C1)
    public static let keypadLowerRight = Int32(KEY_C3)

    /// KEY_F(n); ncurses reserves 64 function keys.
    public static func function(_ n: Int) -> Int32 { Int32(loyal_key_f(Int32(n))) }
}

public enum CursesMouseMask {
    public static let button1Pressed = UInt(loyal_button1_pressed())
    public static let button1Clicked = UInt(loyal_button1_clicked())
    public static let button2Pressed = UInt(loyal_button2_pressed())
    public static let button2Clicked = UInt(loyal_button2_clicked())
    public static let button3Pressed = UInt(loyal_button3_pressed())
    public static let button3Clicked = UInt(loyal_button3_clicked())
    public static let button4Pressed = UInt(loyal_button4_pressed())
    public static let button5Pressed = UInt(loyal_button5_pressed())

    /// Everything Loyal asks the terminal to report.
    static let wanted = button1Pressed | button1Clicked | button2Pressed | button2Clicked
        | button3Pressed | button3Clicked | button4Pressed | button5Pressed
}
