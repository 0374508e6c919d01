// The NoticeWatchPipeline module.
