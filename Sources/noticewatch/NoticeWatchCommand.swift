import ArgumentParser

@main
struct NoticeWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "noticewatch")
}
