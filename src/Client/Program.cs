using JailCluster.Client.Cli;

return await Jailctl.RunAsync(args);
