using DocRag.TestSupport;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>A small folder of real documents in two collections, indexed by the real sync in the search tests.</summary>
internal static class SearchCorpus
{
    public static void WriteEngineering(TempDirectory folder)
    {
        folder.WriteText("install.md", "# Installing the server\n\nDownload the package and run the installer. The installer asks for a data folder.\n\n## Upgrades\n\nUpgrading keeps your index; stop the service first.");
        folder.WriteText("design/storage.md", "# Storage design\n\nThe index lives in one SQLite file with full-text tables and vectors. Backups copy that file while the service is stopped.");
        folder.WriteText("design/network.txt", "Network notes.\n\nThe server listens on the loopback address by default. Keys are required on any other address.");
        folder.WriteText("notes/penguins.txt", "Penguins are flightless birds of the southern hemisphere.\n\nEmperor penguins breed during the Antarctic winter.");
        folder.WriteText("recetas/paella.txt", "La paella se cocina con arroz, azafrán y caldo. Las recetas valencianas llevan pollo y conejo.");
    }

    public static void WritePolicies(TempDirectory folder)
    {
        folder.WriteText("leave.md", "# Leave policy\n\nEmployees request leave through the portal. Managers approve leave within five days.");
        folder.WriteText("security.txt", "Security policy.\n\nPasswords rotate every ninety days. Report a lost laptop to the service desk at once.");
    }

    /// <summary>A long document with the same topic in every paragraph, to test crowding.</summary>
    public static void WriteLongManual(TempDirectory folder, string name = "manual.txt")
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i =>
            $"Section {i}. The turbine manual explains how turbine blades are inspected in step {i}. Turbine maintenance follows the schedule for part {i * 7}.");
        folder.WriteText(name, string.Join("\n\n", paragraphs));
    }
}
